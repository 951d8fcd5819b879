import {
  type Component,
  defineApp,
  type Reference,
  renderComponents,
  type StorageClassRef,
  type VolumeSnapshotClassRef,
} from "@k8s-ops/core";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { describe, expect, it } from "vitest";
import { rookCeph, rookCephExternal } from "./index.js";
import { appsSettings, base, secrets, settings } from "./test-support.js";

/** A small app that stores its data on the given classes. */
function consumerApp(uses: readonly Reference[]): Component {
  const app = defineApp({
    name: "db",
    namespace: "database",
    layer: "platform",
    objects: [new ConfigMap({ metadata: { name: "db" } })],
    uses,
  });
  return { name: "db", apps: [app] };
}

const rook = rookCeph(base);

describe("rook-ceph references", () => {
  it("make an app using ceph-block depend on the cluster stage", () => {
    // GIVEN an app that uses the block storage class
    const db = consumerApp([rook.storageClasses.block]);
    // WHEN it is rendered together with rook-ceph
    const rendered = renderComponents([rook, db], settings);
    // THEN it validates and the app's Kustomization depends on rook-ceph-cluster
    expect(rendered.findings).toEqual([]);
    expect(rendered.files.get("apps/database/db/ks.yaml")).toContain(
      "  dependsOn:\n    - name: rook-ceph-cluster\n      namespace: rook-ceph\n",
    );
  });

  it("make an app using ceph-block on the consumer depend on the consumer's cluster stage", () => {
    const consumer = rookCephExternal({ source: rook.external, store: secrets.secretStore });
    const rendered = renderComponents(
      [secrets, consumer, consumerApp([consumer.storageClasses.block])],
      appsSettings,
    );
    expect(rendered.findings).toEqual([]);
    expect(rendered.files.get("apps/database/db/ks.yaml")).toContain("    - name: rook-ceph-cluster\n");
  });

  it("fail with REF_UNRESOLVED when the cluster does not provide the storage class", () => {
    // GIVEN the provider's class used in a cluster of the same name without rook-ceph
    const rendered = renderComponents([consumerApp([rook.storageClasses.block])], settings);
    // THEN the reference is reported as unresolved
    expect(rendered.findings).toEqual([
      {
        code: "REF_UNRESOLVED",
        path: "infra › database/db",
        message: "uses StorageClass ceph-block, which no app of this cluster provides here",
        expected: "an app rook-ceph/rook-ceph-cluster in cluster infra",
        found: "no such app",
      },
    ]);
  });

  it("fail with REF_UNRESOLVED when another cluster's class is used, even beside a consumer of the same name", () => {
    // GIVEN the apps cluster with its own rook-ceph consumer, and an app using the infra cluster's class
    const consumer = rookCephExternal({ source: rook.external, store: secrets.secretStore });
    const rendered = renderComponents(
      [secrets, consumer, consumerApp([rook.storageClasses.block])],
      appsSettings,
    );
    // THEN the reference is unresolved: infra provides it, not apps
    expect(rendered.findings).toEqual([
      {
        code: "REF_UNRESOLVED",
        path: "apps › database/db",
        message: "uses StorageClass ceph-block, which cluster infra provides, not this one",
        expected: "an app rook-ceph/rook-ceph-cluster in cluster apps",
        found: "provided by cluster infra",
      },
    ]);
  });

  it("are typed: a storage class is not a snapshot class, nor a store", () => {
    const takesSnapshotClass = (ref: VolumeSnapshotClassRef) => ref.name;
    const block: StorageClassRef = rook.storageClasses.block;
    // @ts-expect-error a StorageClassRef where a VolumeSnapshotClassRef is wanted
    takesSnapshotClass(block);
    expect(takesSnapshotClass(rook.snapshotClasses.block)).toBe("csi-ceph-blockpool");
    // @ts-expect-error a storage class is not a secret store
    expect(() => rookCephExternal({ source: rook.external, store: block })).not.toThrow();
    const consumer = rookCephExternal({ source: rook.external, store: secrets.secretStore });
    // @ts-expect-error the consumer exports no bucket class
    expect(consumer.storageClasses.bucket).toBe(undefined);
  });
});
