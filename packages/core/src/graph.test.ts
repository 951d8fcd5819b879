import { Kustomization } from "@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppOptions } from "./app.js";
import { appRef, defineApp, SERVICE_MONITOR } from "./app.js";
import { resolveDependencies } from "./graph.js";
import { helmApp } from "./helm.js";
import type { Reference } from "./refs.js";
import { reference } from "./refs.js";
import { CHART, configMap, customObject } from "./test-fixtures.js";

function app(name: string, options: Partial<AppOptions> = {}) {
  return defineApp({ name, namespace: "apps", layer: "apps", objects: [], ...options });
}

const issuer = customObject("cert-manager.io/v1", "ClusterIssuer", "letsencrypt");
const certificate = customObject("cert-manager.io/v1", "Certificate", "wildcard");

describe("resolveDependencies", () => {
  it("derives dependsOn from a used reference", () => {
    // GIVEN a storage provider and an app using its storage class
    const openebs = app("openebs", { namespace: "storage", layer: "controllers" });
    const consumer = app("db", { uses: [reference("StorageClass", openebs, "openebs-hostpath")] });
    // WHEN dependencies are resolved
    const graph = resolveDependencies("test", [openebs, consumer]);
    // THEN the consumer depends on the provider and nothing is reported
    expect(graph.findings).toEqual([]);
    expect(graph.apps.map((r) => [r.app.name, r.dependsOn])).toEqual([
      ["openebs", []],
      ["db", [{ name: "openebs", namespace: "storage" }]],
    ]);
  });

  it.each([["cert-manager.io/*"], ["cert-manager.io/ClusterIssuer"]])(
    "derives dependsOn from a CRD kind declared as %s",
    (crd) => {
      // GIVEN an app installing the cert-manager CRDs and a stage rendering a ClusterIssuer
      const certManager = app("cert-manager", {
        namespace: "cert-manager",
        layer: "controllers",
        crds: [crd],
      });
      const issuers = app("issuers", { namespace: "cert-manager", layer: "config", objects: [issuer] });
      // WHEN dependencies are resolved
      const graph = resolveDependencies("test", [certManager, issuers]);
      // THEN the stage depends on the CRD provider
      expect(graph.findings).toEqual([]);
      expect(graph.apps[1]?.dependsOn).toEqual([{ name: "cert-manager", namespace: "cert-manager" }]);
    },
  );

  it("prefers the app declaring the exact kind over one declaring the whole group", () => {
    // GIVEN one app installing cert-manager.io/* and another installing exactly ClusterIssuer
    const group = app("group", { layer: "crds", crds: ["cert-manager.io/*"] });
    const exact = app("exact", { layer: "crds", crds: ["cert-manager.io/ClusterIssuer"] });
    const user = app("user", { objects: [issuer, certificate] });
    // WHEN / THEN ClusterIssuer comes from `exact`, Certificate from `group`
    expect(resolveDependencies("test", [group, exact, user]).apps[2]?.dependsOn).toEqual([
      { name: "exact", namespace: "apps" },
      { name: "group", namespace: "apps" },
    ]);
  });

  it("needs no provider for built-in and Flux kinds", () => {
    // GIVEN an app rendering core, apps, networking and Flux objects
    const objects = [
      configMap("settings"),
      new Deployment({ metadata: { name: "web" } }),
      new NetworkPolicy({ metadata: { name: "deny" }, spec: { podSelector: {} } }),
      new Kustomization({ metadata: { name: "child" } }),
      ...helmApp({ name: "chart", namespace: "apps", layer: "apps", chart: CHART }).objects,
    ];
    // WHEN / THEN there is nothing to depend on and nothing to report
    const graph = resolveDependencies("test", [app("plain", { objects })]);
    expect(graph.findings).toEqual([]);
    expect(graph.apps[0]?.dependsOn).toEqual([]);
  });

  it("reports a reference whose provider app is not in the cluster", () => {
    // GIVEN a storage class of an app the cluster does not run
    const ceph = { name: "rook-ceph-cluster", namespace: "rook-ceph" };
    const consumer = app("db", { uses: [reference("StorageClass", ceph, "ceph-block")] });
    // WHEN / THEN
    const graph = resolveDependencies("test", [consumer]);
    expect(graph.findings).toEqual([
      {
        code: "REF_UNRESOLVED",
        path: "test › apps/db",
        message: "uses StorageClass ceph-block, which no app of this cluster provides here",
        expected: "an app rook-ceph/rook-ceph-cluster in cluster test",
        found: "no such app",
      },
    ]);
    expect(graph.apps[0]?.dependsOn).toEqual([]);
  });

  it("resolves a reference of this cluster but not one another cluster provides", () => {
    // GIVEN an app named like the provider here, and references marked as provided by this and another cluster
    const vm = app("victoria-metrics", { namespace: "observability", layer: "platform" });
    const here: Reference = {
      ...reference("Service", vm, "vminsert", "observability"),
      provider: { ...vm, cluster: "test" },
    };
    const there: Reference = {
      ...here,
      provider: { name: vm.name, namespace: vm.namespace, cluster: "infra" },
    };
    // WHEN each is used
    const local = resolveDependencies("test", [vm, app("agent", { uses: [here] })]);
    const remote = resolveDependencies("test", [vm, app("agent", { uses: [there] })]);
    // THEN only the one of another cluster is unresolved
    expect(local.findings).toEqual([]);
    expect(local.apps[1]?.dependsOn).toEqual([{ name: "victoria-metrics", namespace: "observability" }]);
    expect(remote.findings).toEqual([
      {
        code: "REF_UNRESOLVED",
        path: "test › apps/agent",
        message: "uses Service observability/vminsert, which cluster infra provides, not this one",
        expected: "an app observability/victoria-metrics in cluster test",
        found: "provided by cluster infra",
      },
    ]);
  });

  it("derives dependsOn from the kinds an app's chart renders itself", () => {
    // GIVEN the Prometheus-operator CRDs, and a chart app whose chart renders a ServiceMonitor
    const crds = app("prometheus-operator-crds", { layer: "crds", crds: ["monitoring.coreos.com/*"] });
    const exporter = helmApp({
      name: "exporter",
      namespace: "apps",
      layer: "apps",
      chart: CHART,
      chartKinds: [SERVICE_MONITOR],
    });
    // WHEN dependencies are resolved
    const graph = resolveDependencies("test", [crds, exporter]);
    // THEN the chart app depends on the CRDs' app, as if it rendered the ServiceMonitor itself
    expect(graph.findings).toEqual([]);
    expect(graph.apps[1]?.dependsOn).toEqual([{ name: "prometheus-operator-crds", namespace: "apps" }]);
    // AND without that app the kind is reported like a rendered one
    expect(resolveDependencies("test", [exporter]).findings.map((f) => f.message)).toEqual([
      "renders ServiceMonitor (monitoring.coreos.com/v1), whose CRD no app of the cluster installs",
    ]);
  });

  it("reports a CRD kind no app installs, once per kind", () => {
    // GIVEN two Certificates and no cert-manager
    const user = app("user", {
      objects: [certificate, customObject("cert-manager.io/v1", "Certificate", "other")],
    });
    // WHEN / THEN
    expect(resolveDependencies("test", [user]).findings).toEqual([
      {
        code: "CRD_NOT_PROVIDED",
        path: "test › apps/user",
        message: "renders Certificate (cert-manager.io/v1), whose CRD no app of the cluster installs",
        expected: 'an app declaring crds: ["cert-manager.io/Certificate"] or ["cert-manager.io/*"]',
        found: "none",
      },
    ]);
  });

  it("reports a CRD kind rendered by the same app that installs it", () => {
    // GIVEN cert-manager installing its CRDs and rendering a ClusterIssuer itself
    const certManager = app("cert-manager", {
      layer: "controllers",
      crds: ["cert-manager.io/*"],
      objects: [issuer],
    });
    // WHEN
    const graph = resolveDependencies("test", [certManager]);
    // THEN it is told to move the issuer to a stage, and does not depend on itself
    expect(graph.findings).toEqual([
      {
        code: "CRD_NOT_PROVIDED",
        path: "test › apps/cert-manager",
        message:
          "renders ClusterIssuer from a CRD the same app installs; Flux cannot dry-run it before the CRD exists",
        expected: "ClusterIssuer objects in a separate app (stage) of cert-manager",
        found: "ClusterIssuer in cert-manager",
      },
    ]);
    expect(graph.apps[0]?.dependsOn).toEqual([]);
  });

  it("reports a dependency on a later layer", () => {
    // GIVEN a controller using something a platform app provides
    const gateway = app("envoy-gateway", { namespace: "network", layer: "platform" });
    const controller = app("external-dns", { layer: "controllers", uses: [appRef(gateway)] });
    // WHEN / THEN
    expect(resolveDependencies("test", [gateway, controller]).findings).toEqual([
      {
        code: "LAYER_ORDER",
        path: "test › apps/external-dns",
        message: "depends on network/envoy-gateway, which comes in a later layer",
        expected: "a dependency in layer controllers or earlier",
        found: "network/envoy-gateway in layer platform",
      },
    ]);
  });

  it("reports a cycle once, naming every app in it", () => {
    // GIVEN a → b → c → a
    const ids = {
      a: { name: "a", namespace: "apps" },
      b: { name: "b", namespace: "apps" },
      c: { name: "c", namespace: "apps" },
    };
    const apps = [
      app("c", { uses: [appRef(ids.a)] }),
      app("a", { uses: [appRef(ids.b)] }),
      app("b", { uses: [appRef(ids.c)] }),
    ];
    // WHEN / THEN one finding names the whole cycle
    expect(resolveDependencies("test", apps).findings).toEqual([
      {
        code: "DEPENDS_ON_CYCLE",
        path: "test › apps/a",
        message: "dependsOn forms a cycle: apps/a → apps/b → apps/c → apps/a",
        expected: "an acyclic dependency graph",
        found: "a cycle of 3 apps",
      },
    ]);
  });

  it("sorts dependsOn and lists each provider once", () => {
    // GIVEN an app using two references of `zeta`, one of `alpha`, and a CRD kind zeta installs
    const zeta = app("zeta", { namespace: "z", layer: "controllers", crds: ["cert-manager.io/*"] });
    const alpha = app("alpha", { namespace: "a", layer: "controllers" });
    const uses = [reference("StorageClass", zeta, "one"), reference("SecretStore", alpha, "s"), appRef(zeta)];
    const user = app("user", { uses, objects: [issuer] });
    // WHEN / THEN
    expect(resolveDependencies("test", [zeta, alpha, user]).apps[2]?.dependsOn).toEqual([
      { name: "alpha", namespace: "a" },
      { name: "zeta", namespace: "z" },
    ]);
  });

  it("ignores references to the app itself", () => {
    // GIVEN an app that uses its own app reference
    const self = app("self", { uses: [appRef({ name: "self", namespace: "apps" })] });
    // WHEN / THEN no dependency, no cycle
    const graph = resolveDependencies("test", [self]);
    expect(graph.findings).toEqual([]);
    expect(graph.apps[0]?.dependsOn).toEqual([]);
  });

  describe("in a locale that collates differently", () => {
    afterEach(() => vi.restoreAllMocks());

    it("still sorts dependsOn by code unit", () => {
      // GIVEN a process whose locale sorts `aa` after `z` (Danish)
      const danish = new Intl.Collator("da");
      vi.spyOn(String.prototype, "localeCompare").mockImplementation(function (this: string, other: string) {
        return danish.compare(this, other);
      });
      const providers = [app("zz", { layer: "controllers" }), app("aa", { layer: "controllers" })];
      const user = app("user", { uses: providers.map(appRef) });
      // WHEN / THEN the order is the same as everywhere else
      expect(
        resolveDependencies("test", [...providers, user]).apps[2]?.dependsOn.map((id) => id.name),
      ).toEqual(["aa", "zz"]);
    });
  });
});

describe("kinds served before Flux starts", () => {
  it("need no provider app, by kind or by group", () => {
    // GIVEN apps rendering a Talos ServiceAccount and a bootstrapped CRD kind
    const plans = app("plans", { objects: [customObject("talos.dev/v1alpha1", "ServiceAccount", "talos")] });
    const gateway = app("gateway", {
      objects: [customObject("gateway.networking.k8s.io/v1", "Gateway", "web")],
    });
    // WHEN the cluster says Talos serves talos.dev/ServiceAccount and the bootstrap installs Gateway API
    const graph = resolveDependencies(
      "test",
      [plans, gateway],
      ["talos.dev/ServiceAccount", "gateway.networking.k8s.io/*"],
    );
    // THEN nothing is missing and nothing depends on anything
    expect(graph.findings).toEqual([]);
    expect(graph.apps.map((resolved) => resolved.dependsOn)).toEqual([[], []]);
  });
});
