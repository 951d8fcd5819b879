import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { checkDatabaseInstances, postgresCluster, serviceDatabase } from "./index.js";
import { rgw, secrets, storage } from "./test-support.js";

const SERVICE = {
  namespace: "sso",
  store: secrets.secretStore,
  item: "keycloak",
  storageClass: storage.cephBlock,
  databaseInstances: 2,
  databaseSize: "5Gi",
  databaseMonitoring: true,
};

describe("serviceDatabase", () => {
  it("is the service's <name>-db cluster, the database stage of the service's folder", () => {
    // GIVEN a service's database options and its database name
    const database = serviceDatabase("keycloak", SERVICE, { database: "keycloak" });
    // WHEN compared with the cluster written out in full  THEN they are the same objects
    const expected = postgresCluster({
      name: "keycloak-db",
      namespace: "sso",
      instances: 2,
      storage: { storageClass: storage.cephBlock, size: "5Gi" },
      credentials: { store: secrets.secretStore, item: "keycloak" },
      database: "keycloak",
      monitoring: true,
      folder: "keycloak",
      dir: "database",
    });
    const json = (c: typeof database) => c.app.objects.map((o) => o.toJSON());
    expect(json(database)).toEqual(json(expected));
    expect([database.app.folder, database.app.dir, database.app.name]).toEqual([
      "keycloak",
      "database",
      "keycloak-db",
    ]);
  });

  it("passes the backup, owner and image through", () => {
    // GIVEN a backup and a held PostgreSQL major
    const database = serviceDatabase(
      "gitlab",
      { ...SERVICE, databaseBackup: { objectStore: rgw } },
      {
        database: "gitlabhq_production",
        owner: "gitlab",
        imageName: "ghcr.io/cloudnative-pg/postgresql:17.11-standard-trixie",
      },
    );
    // THEN the cluster is backed up on schedule and runs that image
    expect(database.app.objects.map((o) => o.kind)).toContain("ScheduledBackup");
    const cluster = database.app.objects.find((o) => o.kind === "Cluster")?.toJSON() as {
      spec: { imageName: string; bootstrap: { initdb: { database: string; owner: string } } };
    };
    expect(cluster.spec.imageName).toBe("ghcr.io/cloudnative-pg/postgresql:17.11-standard-trixie");
    expect(cluster.spec.bootstrap.initdb).toMatchObject({ database: "gitlabhq_production", owner: "gitlab" });
  });
});

describe("checkDatabaseInstances", () => {
  it.each([0, -1, 1.5])("refuses %s instances under the service's name", (instances) => {
    // GIVEN a service's databaseInstances below one or not whole  WHEN checked  THEN the service's field is named
    expect(() => checkDatabaseInstances("harbor", instances)).toThrow(
      optionMessage("harbor")(
        "databaseInstances",
        "the database needs at least one instance",
        "an integer ≥ 1",
        String(instances),
      ),
    );
  });

  it("accepts one instance or more", () => {
    // GIVEN / WHEN one or three instances  THEN no error
    expect(() => checkDatabaseInstances("harbor", 1)).not.toThrow();
    expect(() => checkDatabaseInstances("harbor", 3)).not.toThrow();
  });
});
