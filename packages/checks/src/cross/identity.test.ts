import { defineApp, helmApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, raw, viewOf } from "../test-support.js";
import { bgpAsns } from "./bgp.js";
import { clusterIdentity } from "./identity.js";

const chart = { url: "oci://quay.io/cilium/charts/cilium", tag: "1.18.0" };

describe("clusterIdentity", () => {
  it("reports a name and an id used by two clusters", () => {
    // GIVEN two folders whose clusters share name and id
    const a = viewOf({ ...inputOf([], { name: "one", settings: { id: 7 } }), root: "clusters/a" });
    const b = viewOf({ ...inputOf([], { name: "one", settings: { id: 7 } }), root: "clusters/b" });
    // WHEN / THEN
    expect(lines(clusterIdentity([a, b]))).toEqual([
      "CLUSTER_INVARIANT cross-cluster › clusters/a, clusters/b: settings.name: clusters share the name one",
      "CLUSTER_INVARIANT cross-cluster › clusters/a, clusters/b: settings.id: clusters share the id 7",
    ]);
  });

  it("reports a name Cilium refuses and an id out of range", () => {
    const bad = viewOf(
      inputOf([], { name: "a-very-long-cluster-name-beyond-32-chars", settings: { id: 256 } }),
    );
    expect(lines(clusterIdentity([bad]))).toEqual([
      "SETTINGS settings/a-very-long-cluster-name-beyond-32-chars: name: cluster name is not a valid Cilium cluster name",
      "SETTINGS settings/a-very-long-cluster-name-beyond-32-chars: id: cluster id is out of range",
    ]);
  });

  it("reports Cilium values that disagree with the settings", () => {
    // GIVEN a Cilium release written with another cluster's id
    const cilium = helmApp({
      name: "cilium",
      namespace: "kube-system",
      layer: "controllers",
      chart,
      values: { cluster: { id: 2, name: "test" } },
    });
    const findings = clusterIdentity([
      viewOf(inputOf([{ name: "cilium", apps: [cilium] }], { settings: { id: 1 } })),
    ]);
    expect(lines(findings)).toEqual([
      "CLUSTER_INVARIANT test › kube-system/cilium › HelmRelease kube-system/cilium: spec.values.cluster.id: the rendered value differs from the cluster settings",
    ]);
    expect([findings[0]?.expected, findings[0]?.found]).toEqual(["1", "2"]);
  });
});

describe("bgpAsns", () => {
  const bgp = (localAsn: number) => ({ localAsn, peerAsn: 65000, peerAddress: "192.168.0.1" });

  it("reports two clusters with one ASN, and a rendered ASN other than the settings'", () => {
    // GIVEN apps on infra's ASN, and infra rendering a BGP config with yet another
    const config = raw({
      apiVersion: "cilium.io/v2",
      kind: "CiliumBGPClusterConfig",
      metadata: { name: "bgp" },
      spec: { bgpInstances: [{ name: "i", localASN: 65009 }] },
    });
    const app = defineApp({ name: "bgp", namespace: "kube-system", layer: "config", objects: [config] });
    const infra = viewOf(
      inputOf([{ name: "bgp", apps: [app] }], {
        name: "infra",
        settings: { bgp: bgp(65001) },
        served: ["cilium.io/*"],
      }),
    );
    const apps = viewOf(inputOf([], { name: "apps", settings: { bgp: bgp(65001) } }));
    // WHEN / THEN
    expect(lines(bgpAsns([infra, apps]))).toEqual([
      "CLUSTER_INVARIANT infra › kube-system/bgp › CiliumBGPClusterConfig bgp: spec.bgpInstances.0.localASN: the rendered ASN differs from the cluster settings",
      "CLUSTER_INVARIANT cross-cluster › infra, apps: bgp.localAsn: clusters share the BGP ASN 65001",
    ]);
  });
});
