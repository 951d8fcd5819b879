import { type ChartSource, helmApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, viewOf } from "../test-support.js";
import { perClusterIdentifiers } from "./identifiers.js";
import { matchingVersions } from "./versions.js";

const app = (name: string, url: string, tag: string, values: Record<string, unknown> = {}) =>
  helmApp({
    name,
    namespace: "flux-system",
    layer: "controllers",
    chart: { url, tag } satisfies ChartSource,
    values,
  });

describe("matchingVersions", () => {
  it("reports Cilium on two versions, and flux-operator ahead of flux-instance", () => {
    // GIVEN
    const infra = viewOf(
      inputOf(
        [
          {
            name: "x",
            apps: [
              app("cilium", "oci://quay.io/cilium/charts/cilium", "1.18.1"),
              app("flux-operator", "oci://ghcr.io/c/flux-operator", "0.30.0"),
              app("flux-instance", "oci://ghcr.io/c/flux-instance", "0.29.0"),
            ],
          },
        ],
        { name: "infra" },
      ),
    );
    const apps = viewOf(
      inputOf([{ name: "x", apps: [app("cilium", "oci://quay.io/cilium/charts/cilium", "1.18.0")] }], {
        name: "apps",
      }),
    );
    // WHEN
    const findings = matchingVersions([infra, apps]);
    // THEN
    expect(lines(findings)).toEqual([
      "VERSION_MISMATCH cross-cluster › infra, apps: cilium chart version: cilium must run one chart version everywhere",
      "VERSION_MISMATCH cross-cluster › infra: flux chart version: flux must run one chart version everywhere",
    ]);
    expect(findings.map((f) => f.found)).toEqual([
      "infra cilium 1.18.1, apps cilium 1.18.0",
      "infra flux-instance 0.29.0, infra flux-operator 0.30.0",
    ]);
  });

  it("skips what a cluster does not run", () => {
    const infra = viewOf(
      inputOf([{ name: "x", apps: [app("cilium", "oci://quay.io/cilium/charts/cilium", "1.18.1")] }], {
        name: "infra",
      }),
    );
    expect(matchingVersions([infra, viewOf(inputOf([], { name: "apps" }))])).toEqual([]);
  });
});

describe("perClusterIdentifiers", () => {
  it("reports an external-dns owner id both clusters use", () => {
    const dns = (txtOwnerId: string) => app("external-dns", "oci://r/external-dns", "1.0.0", { txtOwnerId });
    const infra = viewOf(inputOf([{ name: "x", apps: [dns("k8s")] }], { name: "infra" }));
    const apps = viewOf(inputOf([{ name: "x", apps: [dns("k8s")] }], { name: "apps" }));
    expect(lines(perClusterIdentifiers([infra, apps]))).toEqual([
      'IDENTIFIER_SHARED cross-cluster › infra, apps: external-dns txtOwnerId: clusters share the external-dns txtOwnerId "k8s"',
    ]);
    const distinct = viewOf(inputOf([{ name: "x", apps: [dns("apps")] }], { name: "apps" }));
    expect(perClusterIdentifiers([infra, distinct])).toEqual([]);
  });
});
