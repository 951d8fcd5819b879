import { defineApp, helmApp, reference } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { runChecks } from "./run.js";
import { inputOf, lines, raw } from "./test-support.js";

const chart = { url: "oci://r.example.org/c/web", tag: "1.0.0" };
const web = (values: Record<string, unknown> = {}) =>
  helmApp({ name: "web", namespace: "default", layer: "apps", chart, values });

describe("runChecks", () => {
  it("finds nothing wrong with a plain app, policies aside", () => {
    const report = runChecks([inputOf([{ name: "web", apps: [web()] }])], {
      groups: ["graph", "references", "hygiene", "crd-rules", "cross-cluster"],
    });
    expect(report.findings).toEqual([]);
    expect(report.cel.evaluated).toBeGreaterThan(0);
  });

  it("runs the policies only when asked, and says how many CRD rules it could not evaluate", () => {
    // GIVEN an app whose namespace has no baseline network policies
    const input = inputOf([{ name: "web", apps: [web()] }]);
    // WHEN
    const all = runChecks([input]);
    // THEN
    expect(lines(all.findings.filter((f) => f.severity === "error"))).toEqual([
      "NETWORK_POLICY test › flux-system/cluster-apps › Namespace default: namespace default has no default-deny network policy",
      "NETWORK_POLICY test › flux-system/cluster-apps › Namespace default: namespace default does not allow DNS egress",
    ]);
    expect(runChecks([input], { groups: ["hygiene"] }).findings).toEqual([]);
  });

  it("reports a service taken from a cluster that does not run it", () => {
    // GIVEN apps takes a remote-write endpoint from infra, which has no such app
    const endpoint = {
      ...reference("Service", { name: "vmcluster", namespace: "observability" }, "vminsert", "observability"),
      provider: { name: "vmcluster", namespace: "observability", cluster: "infra" },
    };
    const apps = {
      ...inputOf([{ name: "web", apps: [web()] }], {
        name: "apps",
        settings: {
          id: 2,
          network: {
            nodeCidr: "192.168.0.0/24",
            podCidr: "10.110.0.0/16",
            serviceCidr: "10.111.0.0/16",
            loadBalancerCidr: "192.168.0.160/27",
          },
          nodes: [{ name: "n2", address: "192.168.0.12" }],
        },
      }),
      references: [endpoint],
    };
    const infra = inputOf([], { name: "infra", settings: { id: 1 } });
    // WHEN
    const findings = runChecks([infra, apps], { groups: ["cross-cluster"] }).findings;
    // THEN
    expect(lines(findings)).toEqual([
      "REF_UNRESOLVED cross-cluster › apps → infra: Service observability/vminsert: cluster infra does not run the app that provides it",
    ]);
  });

  it("reports every kind of problem at once, each once", () => {
    const secret = raw({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { a: "b" } });
    const app = defineApp({ name: "api", namespace: "default", layer: "apps", objects: [secret] });
    const report = runChecks([inputOf([{ name: "x", apps: [web({ image: "nginx:latest" }), app] }])], {
      groups: ["hygiene"],
    });
    expect(report.findings.map((f) => f.code)).toEqual(["PLAINTEXT_SECRET", "IMAGE_UNPINNED"]);
  });
});
