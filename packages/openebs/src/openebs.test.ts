import { fileURLToPath } from "node:url";
import { componentYaml, defineApp, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { OPENEBS_CHART, openebs } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const base = { basePath: "/var/mnt/local-hostpath" };

function documents(files: ReadonlyMap<string, string>, path: string): Record<string, unknown>[] {
  return parseAllDocuments(files.get(path) ?? "").map((d) => d.toJS() as Record<string, unknown>);
}

describe("openebs", () => {
  it("renders the README example", async () => {
    // GIVEN the README example, with the base path the talos package exports as OPENEBS_HOSTPATH
    // README:start
    const storage = openebs({ basePath: "/var/mnt/local-hostpath" });
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(storage);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/openebs.default.yaml");
    // AND the README shows this very example and excerpts of this render
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("installs the pinned chart in openebs-system as a controller Flux waits for", () => {
    // GIVEN the component WHEN built
    const app = appOf(openebs(base), "openebs");
    // THEN one app in openebs-system pulls the OCI chart at 4.4.0 and is health-checked
    expect(app.namespace).toBe("openebs-system");
    expect(app.layer).toBe("controllers");
    expect(app.wait).toBe(true);
    expect(app.crds).toEqual([]);
    expect(objectsOf(app, "OCIRepository")[0]).toMatchObject({
      spec: { ref: { tag: "4.4.0" }, url: "oci://ghcr.io/openebs/charts/openebs" },
    });
    expect(OPENEBS_CHART.url).toBe("oci://ghcr.io/openebs/charts/openebs");
  });

  it("turns on LocalPV hostpath only and lets the chart make the openebs-hostpath class under the base path", () => {
    // GIVEN the component WHEN built
    const values = helmValues(appOf(openebs(base), "openebs"));
    // THEN every other engine, the bundled observability stack, the snapshot CRDs and the hook are off
    expect(values).toMatchObject({
      alloy: { enabled: false },
      engines: {
        local: { lvm: { enabled: false }, zfs: { enabled: false } },
        replicated: { mayastor: { enabled: false } },
      },
      loki: { enabled: false },
      "lvm-localpv": { enabled: false },
      mayastor: { enabled: false },
      minio: { enabled: false },
      "openebs-crds": { csi: { volumeSnapshots: { enabled: false, keep: false } } },
      preUpgradeHook: { enabled: false },
      "zfs-localpv": { enabled: false },
    });
    // AND the hostpath class is the chart's, rooted at the base path, not the default class
    expect(values["localpv-provisioner"]).toEqual({
      analytics: { enabled: false },
      helperPod: { image: { registry: "quay.io/" } },
      hostpathClass: {
        basePath: "/var/mnt/local-hostpath",
        enabled: true,
        isDefaultClass: false,
        name: "openebs-hostpath",
        reclaimPolicy: "Delete",
      },
      localpv: { basePath: "/var/mnt/local-hostpath", image: { registry: "quay.io/" } },
    });
  });

  it("asks for a privileged namespace, since the helper pods mount the node's folder", () => {
    // GIVEN the component WHEN rendered THEN openebs-system enforces Pod Security privileged
    const files = renderComponents([openebs(base)]).files;
    const [namespace] = documents(files, "apps/openebs-system/namespace.yaml");
    expect(namespace).toMatchObject({
      metadata: { name: "openebs-system", labels: { "pod-security.kubernetes.io/enforce": "privileged" } },
    });
  });

  it("exports openebs-hostpath as a StorageClass reference provided by the openebs app", () => {
    expect(openebs(base).storageClass).toEqual({
      type: "StorageClass",
      name: "openebs-hostpath",
      namespace: undefined,
      provider: { name: "openebs", namespace: "openebs-system" },
    });
  });

  it("is what an app using the class depends on", () => {
    // GIVEN an app with a claim on the exported class
    const storage = openebs(base);
    const claim = new PersistentVolumeClaim({
      metadata: { name: "data" },
      spec: {
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: "1Gi" } },
        storageClassName: storage.storageClass.name,
      },
    });
    const consumer = defineApp({
      name: "db",
      namespace: "default",
      layer: "apps",
      objects: [claim],
      uses: [storage.storageClass],
    });
    // WHEN rendered THEN the app's Kustomization depends on openebs
    const rendered = renderComponents([storage, { name: "db", apps: [consumer] }]);
    expect(rendered.findings).toEqual([]);
    const [ks] = documents(rendered.files, "apps/default/db/ks.yaml");
    expect(ks).toBeDefined();
    expect((ks?.spec as { dependsOn?: unknown } | undefined)?.dependsOn).toEqual([
      { name: "openebs", namespace: "openebs-system" },
    ]);
  });
});

describe("openebs options", () => {
  const values = (options: Parameters<typeof openebs>[0]) =>
    helmValues(appOf(openebs(options), "openebs"))["localpv-provisioner"] as {
      hostpathClass: Record<string, unknown>;
      localpv: Record<string, unknown>;
    };

  it("basePath: roots the provisioner and the class at the given node folder", () => {
    const provisioner = values({ basePath: "/var/lib/openebs-local" });
    expect(provisioner.hostpathClass.basePath).toBe("/var/lib/openebs-local");
    expect(provisioner.localpv.basePath).toBe("/var/lib/openebs-local");
  });

  it("namespace: moves the release, its labels and the exported reference", () => {
    const storage = openebs({ ...base, namespace: "storage" });
    expect(storage.apps.map((a) => a.namespace)).toEqual(["storage"]);
    expect(storage.storageClass.provider).toEqual({ name: "openebs", namespace: "storage" });
    const [namespace] = documents(renderComponents([storage]).files, "apps/storage/namespace.yaml");
    expect(namespace).toMatchObject({
      metadata: { labels: { "pod-security.kubernetes.io/enforce": "privileged" } },
    });
  });

  it("defaultClass: makes openebs-hostpath the default StorageClass", () => {
    expect(values({ ...base, defaultClass: true }).hostpathClass.isDefaultClass).toBe(true);
  });

  it("reclaimPolicy: keeps volume folders after their claims are gone", () => {
    expect(values({ ...base, reclaimPolicy: "Retain" }).hostpathClass.reclaimPolicy).toBe("Retain");
  });
});
