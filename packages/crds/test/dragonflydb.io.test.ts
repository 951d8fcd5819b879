import { describe, expect, it } from "vitest";
import { Dragonfly } from "../src/generated/dragonflydb.io/v1alpha1/index.js";

const metadata = { name: "dragonfly", namespace: "database" };

function dragonfly(): Dragonfly {
  return new Dragonfly({
    metadata,
    spec: {
      image: "ghcr.io/dragonflydb/dragonfly:v1.34.1",
      replicas: 3,
      args: ["--maxmemory=$(MAX_MEMORY)Mi", "--cluster_mode=emulated"],
      env: [
        {
          name: "MAX_MEMORY",
          valueFrom: { resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } },
        },
      ],
      resources: { requests: { cpu: "100m" }, limits: { memory: "1Gi" } },
      snapshot: {
        cron: "*/30 * * * *",
        persistentVolumeClaimSpec: {
          storageClassName: "openebs-hostpath",
          accessModes: ["ReadWriteOnce"],
          resources: { requests: { storage: "2Gi" } },
        },
      },
    },
  });
}

describe("dragonflydb.io/v1alpha1", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN a Dragonfly with an undefined field
    const instance = new Dragonfly({ metadata, spec: { replicas: 2, image: undefined } });
    // THEN apiVersion/kind come from the class and undefined is dropped
    expect(instance.toJSON()).toEqual({
      apiVersion: "dragonflydb.io/v1alpha1",
      kind: "Dragonfly",
      metadata,
      spec: { replicas: 2 },
    });
  });

  it("validates a replicated Dragonfly with snapshots", () => {
    // GIVEN the platform's Dragonfly WHEN validated THEN it passes
    expect(() => dragonfly().validate()).not.toThrow();
  });

  it("rejects wrong types with ajv's message", () => {
    // GIVEN a Dragonfly whose env var has no name and whose snapshot cron is a number
    const instance = dragonfly();
    // @ts-expect-error name is required by the types as well
    instance.spec.env = [{ value: "1" }];
    // @ts-expect-error cron is a string
    instance.spec.snapshot = { cron: 30 };
    // THEN both are reported
    expect(() => instance.validate()).toThrow(
      "data/spec/env/0 must have required property name, data/spec/snapshot/cron must be string",
    );
  });

  it("rejects a wrong field type at compile time", () => {
    // @ts-expect-error replicas is a number
    const instance = new Dragonfly({ metadata, spec: { replicas: "3" } });
    expect(instance.kind).toBe("Dragonfly");
  });
});
