import { CephBlockPool, CephCluster, CephFilesystem, CephObjectStore } from "@k8s-ops/crds/ceph.rook.io/v1";
import { appOf, helmValues } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { rookCeph, rookCephExternal } from "./index.js";
import { base, gateways, secrets } from "./test-support.js";

type Entry = { name: string; spec: Record<string, unknown> };

const metadata = (name: string) => ({ name, namespace: "rook-ceph" });

describe("the chart values against the Rook CRDs", () => {
  it("define a CephCluster, pools, a filesystem and an object store the CRD schemas accept", () => {
    // GIVEN the provider's chart values, with every option that adds to them
    const values = helmValues(
      appOf(
        rookCeph({
          ...base,
          requireMsgr2: true,
          dashboard: { gateway: gateways.gateways.internal, hostname: "ceph.example.com" },
        }),
        "rook-ceph-cluster",
      ),
    );
    const [pool] = values.cephBlockPools as Entry[];
    const [filesystem] = values.cephFileSystems as Entry[];
    const [store] = values.cephObjectStores as Entry[];
    // WHEN each spec becomes its Rook object THEN the generated models validate it
    const objects = [
      new CephCluster({
        metadata: metadata("rook-ceph"),
        spec: values.cephClusterSpec as CephCluster["spec"],
      }),
      new CephBlockPool({ metadata: metadata(pool?.name ?? ""), spec: pool?.spec as CephBlockPool["spec"] }),
      new CephFilesystem({
        metadata: metadata(filesystem?.name ?? ""),
        spec: filesystem?.spec as CephFilesystem["spec"],
      }),
      new CephObjectStore({
        metadata: metadata(store?.name ?? ""),
        spec: store?.spec as CephObjectStore["spec"],
      }),
    ];
    for (const object of objects) expect(() => object.validate()).not.toThrow();
  });

  it("define an external CephCluster the CRD schema accepts", () => {
    const consumer = rookCephExternal({ source: rookCeph(base).external, store: secrets.secretStore });
    const spec = helmValues(appOf(consumer, "rook-ceph-cluster")).cephClusterSpec as CephCluster["spec"];
    expect(() => new CephCluster({ metadata: metadata("rook-ceph"), spec }).validate()).not.toThrow();
  });
});
