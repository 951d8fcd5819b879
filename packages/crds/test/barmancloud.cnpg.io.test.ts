import { describe, expect, it } from "vitest";
import { ObjectStore } from "../src/generated/barmancloud.cnpg.io/v1/index.js";

const metadata = { name: "ceph-objectstore", namespace: "database" };

function objectStore(): ObjectStore {
  return new ObjectStore({
    metadata,
    spec: {
      retentionPolicy: "14d",
      configuration: {
        destinationPath: "s3://cnpg-backups/",
        endpointURL: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc",
        s3Credentials: {
          accessKeyId: { name: "cnpg-backups", key: "AWS_ACCESS_KEY_ID" },
          secretAccessKey: { name: "cnpg-backups", key: "AWS_SECRET_ACCESS_KEY" },
        },
        wal: { compression: "zstd", maxParallel: 4 },
        data: { compression: "bzip2" },
      },
    },
  });
}

describe("barmancloud.cnpg.io/v1", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN the shared backup ObjectStore
    const store = objectStore();
    // THEN apiVersion/kind come from the class
    expect(store.toJSON()).toMatchObject({
      apiVersion: "barmancloud.cnpg.io/v1",
      kind: "ObjectStore",
      metadata,
    });
    expect([ObjectStore.apiVersion, ObjectStore.kind]).toEqual(["barmancloud.cnpg.io/v1", "ObjectStore"]);
  });

  it("validates an S3 object store on Ceph RGW", () => {
    expect(() => objectStore().validate()).not.toThrow();
  });

  it("rejects a bad retention policy and an unknown compression with ajv's messages", () => {
    // GIVEN a retention of "two weeks" and WAL compression "rar"
    const store = objectStore();
    store.spec.retentionPolicy = "two weeks";
    // @ts-expect-error the types know the compressions too
    store.spec.configuration.wal = { compression: "rar" };
    // THEN both are reported
    expect(() => store.validate()).toThrow(
      "data/spec/configuration/wal/compression must be equal to one of the allowed values, " +
        'data/spec/retentionPolicy must match pattern "^[1-9][0-9]*[dwm]$"',
    );
  });

  it("rejects a missing destination at compile time", () => {
    // @ts-expect-error configuration.destinationPath is required
    const store = new ObjectStore({ metadata, spec: { configuration: { endpointURL: "http://rgw" } } });
    expect(store.kind).toBe("ObjectStore");
  });
});
