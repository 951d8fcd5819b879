import { fileURLToPath } from "node:url";
import { componentYaml, defineApp, POD_MONITOR, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { cloudnativePg } from "./index.js";
import { certs } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

type Ks = { metadata: { name: string }; spec: Record<string, unknown> };

describe("cloudnativePg", () => {
  it("renders the README example: the operator and the barman-cloud plugin stage", async () => {
    // GIVEN the README example, with the cluster's cert-manager
    // README:start
    const cnpg = cloudnativePg({ certManager: certs });
    // README:end
    // WHEN rendered with cert-manager THEN it validates and matches the reviewed snapshot
    await expect(componentYaml(cnpg, undefined, [certs])).toMatchFileSnapshot(
      "__snapshots__/cloudnative-pg.default.yaml",
    );
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("installs the operator with its CRDs and waits for it", () => {
    // GIVEN the component WHEN built
    const operator = appOf(cloudnativePg({ certManager: certs }), "cloudnative-pg");
    // THEN the operator app provides postgresql.cnpg.io, waits, and pins the chart
    expect(operator).toMatchObject({ namespace: "cnpg-system", crds: ["postgresql.cnpg.io/*"], wait: true });
    expect(objectsOf(operator, "OCIRepository")[0]?.spec).toMatchObject({
      ref: { tag: "0.29.0" },
      url: "oci://ghcr.io/cloudnative-pg/charts/cloudnative-pg",
    });
    expect(helmValues(operator)).toMatchObject({ crds: { create: true }, config: { clusterWide: true } });
  });

  it("puts the plugin beside the operator, after it and after cert-manager", () => {
    // GIVEN the component WHEN rendered with cert-manager
    const files = renderComponents([certs, cloudnativePg({ certManager: certs })]).files;
    const [, plugin] = parseAllDocuments(files.get("apps/cnpg-system/cloudnative-pg/ks.yaml") ?? "").map(
      (d) => d.toJS() as Ks,
    );
    // THEN the plugin is a stage of cloudnative-pg that depends on the operator and on cert-manager, and waits
    expect(plugin?.metadata.name).toBe("plugin-barman-cloud");
    expect(plugin?.spec.path).toBe("./clusters/test/apps/cnpg-system/cloudnative-pg/barman-cloud");
    expect(plugin?.spec.dependsOn).toEqual([
      { name: "cert-manager", namespace: "cert-manager" },
      { name: "cloudnative-pg", namespace: "cnpg-system" },
    ]);
    expect(plugin?.spec.wait).toBe(true);
  });

  it("lets the plugin's chart issue its own certificates and install the ObjectStore CRD", () => {
    // GIVEN the component WHEN built
    const plugin = appOf(cloudnativePg({ certManager: certs }), "plugin-barman-cloud");
    // THEN the chart creates its Issuer and certificates, and the app provides barmancloud.cnpg.io
    expect(helmValues(plugin)).toEqual({
      certificate: { createClientCertificate: true, createIssuer: true, createServerCertificate: true },
      crds: { create: true },
    });
    expect(plugin.crds).toEqual(["barmancloud.cnpg.io/*"]);
  });

  it("exports both apps as references", () => {
    // GIVEN the component WHEN built THEN operator and plugin are app references
    const cnpg = cloudnativePg({ certManager: certs });
    expect(cnpg.operator).toEqual({
      type: "App",
      name: "cloudnative-pg",
      namespace: "cnpg-system",
      provider: { name: "cloudnative-pg", namespace: "cnpg-system" },
    });
    expect(cnpg.barmanCloud.name).toBe("plugin-barman-cloud");
  });
});

describe("cloudnativePg options", () => {
  it("namespace: moves the operator and the plugin together", () => {
    const cnpg = cloudnativePg({ certManager: certs, namespace: "database" });
    expect(cnpg.apps.map((a) => a.namespace)).toEqual(["database", "database"]);
  });

  it("replicas: scales the operator", () => {
    const operator = appOf(cloudnativePg({ certManager: certs, replicas: 2 }), "cloudnative-pg");
    expect(helmValues(operator)).toMatchObject({ replicaCount: 2 });
  });

  it("podMonitor: renders the operator's PodMonitor, after the CRD that defines it", () => {
    // GIVEN scraping on WHEN built
    const operator = appOf(cloudnativePg({ certManager: certs, podMonitor: true }), "cloudnative-pg");
    // THEN the chart renders the PodMonitor, and the app depends on whoever installs its CRD
    expect(helmValues(operator)).toMatchObject({ monitoring: { podMonitorEnabled: true } });
    expect(operator.chartKinds).toEqual([POD_MONITOR]);
    expect(appOf(cloudnativePg({ certManager: certs }), "cloudnative-pg").chartKinds).toEqual([]);
  });

  it("certManager: the plugin uses the app of the component that installs the cert-manager CRDs", () => {
    // GIVEN a cert-manager component whose first app is not the controller
    const other = defineApp({
      name: "cert-manager-issuers",
      namespace: "cert-manager",
      layer: "config",
      objects: [],
    });
    const plugin = appOf(
      cloudnativePg({ certManager: { apps: [other, ...certs.apps] } }),
      "plugin-barman-cloud",
    );
    // THEN the plugin uses the controller
    expect(plugin.uses.map((ref) => ref.name)).toEqual(["cloudnative-pg", "cert-manager"]);
  });
});
