import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type AppRef, componentYaml, defineApp, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { backup, restoredPvc, VOLSYNC_CHART, VOLSYNC_CRDS, volsync } from "./index.js";
import { ceph, openebs, providers, secrets, snapshots } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const TEST = fileURLToPath(import.meta.url);

function ksSpec(files: ReadonlyMap<string, string>, path: string): Record<string, unknown> {
  const [ks] = parseAllDocuments(files.get(path) ?? "").map(
    (d) => d.toJS() as { spec?: Record<string, unknown> },
  );
  return ks?.spec ?? {};
}

describe("volsync", () => {
  it("renders the README example", async () => {
    // GIVEN the README example (snapshots is the snapshot-controller component)
    // README:start
    const sync = volsync({ snapshots: snapshots.snapshotApi });
    // README:end
    // WHEN it is rendered beside the snapshot controller THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(sync, testSettings(), [snapshots]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/volsync.default.yaml");
    // AND the README shows this very example and excerpts of this render
    expect(readmeShows(README, TEST)).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("renders the README's backup example as the reviewed snapshot", async () => {
    // GIVEN the README's backup of an app's volume, with Ceph for the volume and OpenEBS for restic's cache
    const sync = volsync({ snapshots: snapshots.snapshotApi });
    // BACKUP:start
    const data = backup({
      app: "gatus",
      pvc: "gatus",
      capacity: "5Gi",
      storageClass: ceph.storageClass,
      snapshotClass: ceph.snapshotClass,
      schedule: "0 * * * *",
      retention: { hourly: 24, daily: 7, weekly: 4 },
      repository: { store: secrets.secretStore, item: "volsync-template" },
      cacheStorageClass: openebs.storageClass,
    });
    const gatus = defineApp({
      name: "gatus",
      namespace: "observability",
      layer: "apps",
      objects: [...data.objects, restoredPvc(data)],
      uses: data.uses,
    });
    // BACKUP:end
    // WHEN the app is rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml({ name: "gatus", apps: [gatus] }, testSettings(), [...providers, sync]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/volsync.backup.yaml");
    // AND the README shows this very example and excerpts of this render (its second YAML block)
    expect(readmeShows(README, TEST, "BACKUP")).toBe(true);
    const block = readFileSync(README, "utf8").split("```yaml\n")[2]?.split("```")[0] ?? "missing";
    for (const excerpt of block.split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("installs the mirrored chart in volsync-system, with its CRDs, as a controller Flux waits for", () => {
    // GIVEN the component WHEN built
    const app = appOf(volsync({ snapshots: snapshots.snapshotApi }), "volsync");
    // THEN the app declares the CRD group, manages the CRDs through the chart and is health-checked
    expect(app.namespace).toBe("volsync-system");
    expect(app.layer).toBe("controllers");
    expect(app.crds).toEqual(["volsync.backube/*"]);
    expect(VOLSYNC_CRDS).toEqual(app.crds);
    expect(app.wait).toBe(true);
    expect(helmValues(app)).toEqual({ manageCRDs: true });
    expect(objectsOf(app, "OCIRepository")[0]).toMatchObject({
      spec: { ref: { tag: "0.15.0" }, url: "oci://ghcr.io/home-operations/charts-mirror/volsync" },
    });
    expect(VOLSYNC_CHART.tag).toBe("0.15.0");
  });

  it("depends on the snapshot controller, whose CRDs the operator watches", () => {
    // GIVEN the operator beside the snapshot controller WHEN rendered THEN its Kustomization depends on it
    const rendered = renderComponents([snapshots, volsync({ snapshots: snapshots.snapshotApi })]);
    expect(rendered.findings).toEqual([]);
    expect(ksSpec(rendered.files, "apps/volsync-system/volsync/ks.yaml").dependsOn).toEqual([
      { name: "snapshot-controller", namespace: "kube-system" },
    ]);
  });

  it("is required by apps with backups: without it the VolSync kinds have no provider", () => {
    // GIVEN an app with a backup, without the operator WHEN rendered THEN validation names both VolSync kinds
    const data = backup({
      app: "gatus",
      pvc: "gatus",
      capacity: "5Gi",
      storageClass: ceph.storageClass,
      snapshotClass: ceph.snapshotClass,
      schedule: "@daily",
      retention: { daily: 7 },
      repository: { store: secrets.secretStore, item: "volsync-template" },
    });
    const gatus = defineApp({
      name: "gatus",
      namespace: "apps",
      layer: "apps",
      objects: data.objects,
      uses: data.uses,
    });
    const messages = renderComponents([...providers, { name: "gatus", apps: [gatus] }]).findings.map(
      (f) => f.message,
    );
    expect(messages).toEqual([
      "renders ReplicationSource (volsync.backube/v1alpha1), whose CRD no app of the cluster installs",
      "renders ReplicationDestination (volsync.backube/v1alpha1), whose CRD no app of the cluster installs",
    ]);
  });
});

describe("volsync options", () => {
  it("snapshots: the operator uses exactly the given snapshot API", () => {
    const api: AppRef = { ...snapshots.snapshotApi, provider: { name: "csi", namespace: "storage" } };
    expect(appOf(volsync({ snapshots: api }), "volsync").uses).toEqual([api]);
  });

  it("namespace: moves the operator", () => {
    expect(volsync({ snapshots: snapshots.snapshotApi, namespace: "backups" }).apps[0]?.namespace).toBe(
      "backups",
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the snapshot API is required
    volsync({});
    // @ts-expect-error a storage class is not the snapshot API
    volsync({ snapshots: ceph.storageClass });
    // @ts-expect-error unknown options are refused
    volsync({ snapshots: snapshots.snapshotApi, kopia: true });
  });
});
