import { finding } from "@k8s-ops/checks";
import { describe, expect, it } from "vitest";
import { concerns, locate } from "./locate.js";

const clusters = [{ name: "apps", root: "clusters/apps" }];

describe("locate", () => {
  it("reads cluster, Kustomization, object and field out of each path form", () => {
    expect(
      locate(finding("SCHEMA", "apps › default/web › HelmRelease default/web: spec.values", "m"), clusters),
    ).toEqual({
      cluster: "apps",
      kustomization: "default/web",
      object: "HelmRelease default/web",
      field: "spec.values",
    });
    expect(locate(finding("LAYER_ORDER", "apps › default/web", "m"), clusters)).toEqual({
      cluster: "apps",
      kustomization: "default/web",
    });
    expect(locate(finding("SETTINGS", "settings/apps: network.podCidr", "m"), clusters)).toEqual({
      cluster: "apps",
      kustomization: "(settings)",
      field: "network.podCidr",
    });
    expect(locate(finding("FILE_EDITED", "clusters/apps/flux/ks.yaml", "m"), clusters)).toEqual({
      cluster: "apps",
      kustomization: "(files)",
      object: "flux/ks.yaml",
    });
    expect(locate(finding("TREE_DRIFT", "clusters/apps", "m"), clusters)).toEqual({
      cluster: "apps",
      kustomization: "(files)",
    });
  });

  it("knows which findings concern a cluster", () => {
    const names = new Set(["apps"]);
    expect(
      concerns(
        finding("CLUSTER_INVARIANT", "cross-cluster › infra, apps: bgp.localAsn", "m"),
        names,
        clusters,
      ),
    ).toBe(true);
    expect(concerns(finding("SCHEMA", "infra › default/web", "m"), names, clusters)).toBe(false);
  });
});
