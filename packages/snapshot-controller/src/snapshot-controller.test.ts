import { fileURLToPath } from "node:url";
import {
  type AppRef,
  componentYaml,
  renderComponents,
  SERVICE_MONITOR,
  type StorageClassRef,
} from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { SNAPSHOT_CONTROLLER_CHART, SNAPSHOT_CRDS, snapshotController } from "./index.js";
import { snapshotClassStage } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

function kustomization(files: ReadonlyMap<string, string>, path: string) {
  const [ks] = parseAllDocuments(files.get(path) ?? "").map(
    (d) => d.toJS() as { spec: Record<string, unknown> },
  );
  return ks?.spec ?? {};
}

describe("snapshotController", () => {
  it("renders the README example", async () => {
    // GIVEN the README example
    // README:start
    const snapshots = snapshotController();
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(snapshots);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/snapshot-controller.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    // AND the README shows this very example
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("installs the pinned chart in kube-system as a controller that provides the snapshot CRDs and is waited for", () => {
    // GIVEN the default component WHEN built
    const app = appOf(snapshotController(), "snapshot-controller");
    // THEN it is one app in kube-system, declaring the snapshot CRD groups, health-checked by Flux
    expect(app.namespace).toBe("kube-system");
    expect(app.layer).toBe("controllers");
    expect(app.crds).toEqual(["snapshot.storage.k8s.io/*", "groupsnapshot.storage.k8s.io/*"]);
    expect(app.crds).toEqual(SNAPSHOT_CRDS);
    expect(app.wait).toBe(true);
    expect(objectsOf(app, "OCIRepository")[0]).toMatchObject({
      spec: { ref: { tag: "5.2.0" }, url: "oci://ghcr.io/piraeusdatastore/helm-charts/snapshot-controller" },
    });
    expect(SNAPSHOT_CONTROLLER_CHART.tag).toBe("5.2.0");
  });

  it("runs two controller replicas and no conversion webhook", () => {
    // GIVEN the default component WHEN built THEN the values set replicas, no ServiceMonitor and no webhook
    expect(helmValues(appOf(snapshotController(), "snapshot-controller"))).toEqual({
      controller: { replicaCount: 2, serviceMonitor: { create: false } },
      webhook: { enabled: false },
    });
  });

  it("exports the snapshot API as a reference to its app", () => {
    // GIVEN the component WHEN built THEN snapshotApi points at the snapshot-controller app
    const api: AppRef = snapshotController().snapshotApi;
    expect(api).toEqual({
      type: "App",
      name: "snapshot-controller",
      namespace: "kube-system",
      provider: { name: "snapshot-controller", namespace: "kube-system" },
    });
  });

  it("is what an app rendering a VolumeSnapshotClass depends on, through the CRD kind", () => {
    // GIVEN a storage stage rendering a VolumeSnapshotClass, beside the snapshot controller
    const rendered = renderComponents([snapshotController(), snapshotClassStage]);
    // WHEN rendered THEN it validates and the storage stage depends on the snapshot controller
    expect(rendered.findings).toEqual([]);
    expect(kustomization(rendered.files, "apps/rook-ceph/rook-ceph-cluster/ks.yaml").dependsOn).toEqual([
      { name: "snapshot-controller", namespace: "kube-system" },
    ]);
  });

  it("is required: without it a VolumeSnapshotClass has no CRD provider", () => {
    // GIVEN the storage stage alone WHEN rendered THEN validation names the missing CRD
    const rendered = renderComponents([snapshotClassStage]);
    expect(rendered.findings.map((f) => `${f.code} ${f.path}: ${f.message}`)).toEqual([
      "CRD_NOT_PROVIDED test › rook-ceph/rook-ceph-cluster: renders VolumeSnapshotClass (snapshot.storage.k8s.io/v1), whose CRD no app of the cluster installs",
    ]);
  });
});

describe("snapshotController options", () => {
  it("namespace: moves the release and the exported reference", () => {
    // GIVEN another namespace WHEN built THEN the app and snapshotApi are there
    const snapshots = snapshotController({ namespace: "system-controllers" });
    expect(snapshots.apps.map((a) => a.namespace)).toEqual(["system-controllers"]);
    expect(snapshots.snapshotApi.provider).toEqual({
      name: "snapshot-controller",
      namespace: "system-controllers",
    });
  });

  it("replicas: scales the controller", () => {
    expect(helmValues(appOf(snapshotController({ replicas: 1 }), "snapshot-controller"))).toMatchObject({
      controller: { replicaCount: 1 },
    });
  });

  it("serviceMonitor: renders the chart's ServiceMonitor", () => {
    expect(
      helmValues(appOf(snapshotController({ serviceMonitor: true }), "snapshot-controller")),
    ).toMatchObject({ controller: { serviceMonitor: { create: true } } });
    const app = appOf(snapshotController({ serviceMonitor: true }), "snapshot-controller");
    expect(app.chartKinds).toEqual([SERVICE_MONITOR]);
  });
});

describe("snapshotController option errors", () => {
  it("rejects zero replicas", () => {
    expect(() => snapshotController({ replicas: 0 })).toThrow(
      [
        "OPTION snapshot-controller: replicas: the snapshot controller needs at least one replica",
        "  expected: an integer ≥ 1",
        "  found:    0",
      ].join("\n"),
    );
  });

  it("rejects a fractional replica count", () => {
    expect(() => snapshotController({ replicas: 1.5 })).toThrow("found:    1.5");
  });

  it("rejects option types at compile time", () => {
    const storageClass: StorageClassRef = {
      type: "StorageClass",
      name: "openebs-hostpath",
      provider: { name: "openebs", namespace: "openebs-system" },
    };
    // @ts-expect-error the snapshot API is an app reference, not a storage class
    const api: AppRef = storageClass;
    expect(api.name).toBe("openebs-hostpath");
    // @ts-expect-error replicas is a number
    expect(() => snapshotController({ replicas: "2" })).toThrow("found:    2");
    // @ts-expect-error serviceMonitor is a boolean
    snapshotController({ serviceMonitor: "yes" });
    // @ts-expect-error unknown options are refused
    snapshotController({ validationWebhook: true });
  });
});
