import { componentYaml, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { mattermost } from "./index.js";
import { base, providers, secrets } from "./test-support.js";

describe("mattermost options", () => {
  it("item: the database passwords and the connection string come from it", () => {
    // GIVEN another item WHEN built
    const chat = mattermost({ ...base, item: "chat" });
    // THEN the database's credentials and the connection string read it
    const dbSecrets = objectsOf(appOf(chat, "mattermost-db"), "ExternalSecret");
    expect(dbSecrets.map((s) => s.spec)).toEqual([
      expect.objectContaining({ dataFrom: [{ extract: { key: "chat" } }] }),
      expect.objectContaining({ dataFrom: [{ extract: { key: "chat" } }] }),
    ]);
    expect(objectsOf(appOf(chat, "mattermost"), "ExternalSecret")[0]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "chat" } }],
    });
  });

  it("s3: an https endpoint with a port, another region and item", () => {
    // GIVEN an external S3 endpoint WHEN built
    const chat = mattermost({
      ...base,
      s3: {
        endpoint: "https://s3.example.com:8443/",
        bucket: "chat-files",
        region: "ceph",
        item: "rgw-chat",
      },
    });
    const app = appOf(chat, "mattermost");
    // THEN host and port become the endpoint, the scheme the SSL flag
    expect(helmValues(app).config).toMatchObject({
      MM_FILESETTINGS_AMAZONS3BUCKET: "chat-files",
      MM_FILESETTINGS_AMAZONS3ENDPOINT: "s3.example.com:8443",
      MM_FILESETTINGS_AMAZONS3REGION: "ceph",
      MM_FILESETTINGS_AMAZONS3SSL: "true",
    });
    expect(objectsOf(app, "ExternalSecret")[1]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "rgw-chat" } }],
    });
  });

  it("settings: more Mattermost settings go to the chart's config beside the package's own", () => {
    // GIVEN extra settings WHEN built
    const chat = mattermost({
      ...base,
      settings: { MM_TEAMSETTINGS_SITENAME: "Chat", MM_SERVICESETTINGS_ENABLECOMMANDS: "false" },
    });
    // THEN
    expect(helmValues(appOf(chat, "mattermost")).config).toMatchObject({
      MM_SERVICESETTINGS_ENABLECOMMANDS: "false",
      MM_SERVICESETTINGS_SITEURL: "https://chat.example.com",
      MM_TEAMSETTINGS_SITENAME: "Chat",
    });
  });

  it("sizes and moves the database, without metrics", () => {
    // GIVEN sizing options changed WHEN built
    const chat = mattermost({
      ...base,
      databaseInstances: 3,
      databaseSize: "20Gi",
      databaseMonitoring: false,
      namespace: "chat",
    });
    // THEN
    const db = appOf(chat, "mattermost-db");
    expect(objectsOf(db, "Cluster")[0]?.spec).toMatchObject({ instances: 3, storage: { size: "20Gi" } });
    expect(objectsOf(db, "VMPodScrape")).toEqual([]);
    expect(chat.apps.map((a) => a.namespace)).toEqual(["chat", "chat"]);
    expect(objectsOf(appOf(chat, "mattermost"), "ExternalSecret")[0]?.spec).toMatchObject({
      target: {
        template: {
          data: { connection: expect.stringContaining("@mattermost-db-rw.chat.svc.cluster.local:5432/") },
        },
      },
    });
  });

  it("databaseBackup: the database archives to the object store and is classed business data", () => {
    // GIVEN a backup to the RGW bucket WHEN built and rendered
    const chat = mattermost({
      ...base,
      databaseBackup: {
        objectStore: {
          endpoint: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc",
          bucket: "postgres-backups",
          credentials: { store: secrets.secretStore, item: "cnpg-backups" },
        },
      },
    });
    const db = appOf(chat, "mattermost-db");
    // THEN the barman-cloud store and the schedule are there, and it still validates
    expect(objectsOf(db, "ObjectStore")).toHaveLength(1);
    expect(objectsOf(db, "ScheduledBackup")).toHaveLength(1);
    expect(objectsOf(db, "Cluster")[0]?.metadata).toMatchObject({
      annotations: { "k8s-ops.dev/data-class": "business" },
    });
    expect(() => componentYaml(chat, testSettings(), providers)).not.toThrow();
  });
});
