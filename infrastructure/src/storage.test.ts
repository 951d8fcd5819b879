import { postgresCluster } from "@k8s-ops/cloudnative-pg";
import { type GatewayRef, reference } from "@k8s-ops/core";
import { rookCeph } from "@k8s-ops/rook-ceph";
import { describe, expect, it } from "vitest";
import { INFRA_ROOK, INFRA_S3_HOSTNAME, postgresBackup } from "./index.js";

const STORE = reference(
  "SecretStore",
  { name: "onepassword-connect-store", namespace: "external-secrets" },
  "onepassword-connect",
);
const gateway = {
  ...reference("Gateway", { name: "envoy-gateways", namespace: "network" }, "envoy-internal"),
  namespace: "network",
} satisfies GatewayRef;
const cephBlock = reference(
  "StorageClass",
  { name: "rook-ceph-cluster", namespace: "rook-ceph" },
  "ceph-block",
);

describe("infra's storage", () => {
  it("exports RGW at the S3 host name infra routes, not at a URL written twice", () => {
    // GIVEN infra's Rook options with the S3 route infra adds WHEN the component is built
    const rook = rookCeph({ ...INFRA_ROOK, s3: { gateway, hostname: INFRA_S3_HOSTNAME } });
    // THEN the endpoint other clusters take follows the route
    expect(rook.external.objectStore.endpoint).toBe("https://s3.${SECRET_DOMAIN}");
  });

  it("backs each cluster's databases up to infra's RGW, one folder per cluster", () => {
    // GIVEN the export of infra's Ceph
    const ceph = rookCeph({ ...INFRA_ROOK, s3: { gateway, hostname: INFRA_S3_HOSTNAME } }).external;
    // WHEN the apps cluster's backup options are made
    const backup = postgresBackup("apps", STORE, ceph);
    // THEN they write to the exported endpoint, bucket postgres, folder apps, keys from the postgres-backup item
    expect(backup).toEqual({
      objectStore: {
        endpoint: "https://s3.${SECRET_DOMAIN}",
        bucket: "postgres",
        path: "apps",
        credentials: { store: STORE, item: "postgres-backup" },
      },
    });
    // AND a database built with them archives to s3://postgres/apps/
    const db = postgresCluster({
      name: "odoo-db",
      namespace: "odoo",
      instances: 1,
      storage: { storageClass: cephBlock, size: "1Gi" },
      credentials: { store: STORE, item: "odoo-db" },
      backup,
    });
    expect(db.objects.find((o) => o.kind === "ObjectStore")).toMatchObject({
      spec: { configuration: { destinationPath: "s3://postgres/apps" } },
    });
  });
});
