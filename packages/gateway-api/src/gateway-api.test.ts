import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type AppId,
  type Component,
  defineApp,
  helmApp,
  renderComponents,
  testSettings,
} from "@k8s-ops/core";
import { readmeShows, SCHEMAS_DIR, schemaPresent } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  ENVOY_GATEWAY_CHART,
  ENVOY_GATEWAY_CRDS,
  GATEWAY_API_CHANNEL,
  GATEWAY_API_CRDS,
  GATEWAY_API_VERSION,
  type GatewayApiChannel,
  gatewayApiCrds,
} from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const SOURCE = fileURLToPath(new URL("./gateway-api.ts", import.meta.url));
/** The upstream CRDs beside the repository; absent on machines without them. */
const CRDS_DIR = `${SCHEMAS_DIR}/crds`;

interface Crd {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { group: string };
}

function crdsIn(file: string): Crd[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((document) => document.toJS() as Crd | null)
    .filter((document): document is Crd => document?.kind === "CustomResourceDefinition");
}

function covered(patterns: readonly string[], group: string): boolean {
  return patterns.includes(`${group}/*`);
}

/** The app that installs the chart with its CRDs, as the envoy-gateway component builds it. */
const installer: AppId = { name: "envoy-gateway", namespace: "network" };

/** An app of that name declaring the given CRDs. */
function controller(crds: readonly string[]) {
  return defineApp({ ...installer, layer: "controllers", objects: [], crds });
}

describe("gateway-api", () => {
  it("describes the README example: the app installing the chart as the cluster's CRD installer", () => {
    // GIVEN the README example
    // README:start
    const controller = helmApp({
      name: "envoy-gateway",
      namespace: "network",
      layer: "controllers",
      chart: ENVOY_GATEWAY_CHART,
      values: { crds: { enabled: true } },
      crds: [...GATEWAY_API_CRDS, ...ENVOY_GATEWAY_CRDS],
    });
    const crds = gatewayApiCrds(controller);
    // README:end
    // THEN it references that app, at the bundled release and channel, with every CRD group the chart installs
    expect(crds).toEqual({
      app: { type: "App", name: "envoy-gateway", namespace: "network", provider: installer },
      version: "v1.6.1",
      channel: "experimental",
      crds: ["gateway.networking.k8s.io/*", "gateway.networking.x-k8s.io/*", "gateway.envoyproxy.io/*"],
    });
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("pins the chart to an exact OCI tag, annotated for Renovate on the line above", () => {
    // GIVEN the chart constant and its source line
    const lines = readFileSync(SOURCE, "utf8").split("\n");
    const tagLine = lines.findIndex((line) => line.includes(`tag: "${ENVOY_GATEWAY_CHART.tag}"`));
    // THEN the URL is an OCI chart, the tag an exact version, and Renovate knows the chart's registry path
    expect(ENVOY_GATEWAY_CHART.url).toBe("oci://docker.io/envoyproxy/gateway-helm");
    expect(ENVOY_GATEWAY_CHART.tag).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lines[tagLine - 1]?.trim()).toBe(
      "// renovate: datasource=docker depName=docker.io/envoyproxy/gateway-helm",
    );
  });

  it("lets an app that uses the installer depend on it", () => {
    // GIVEN the installer declaring the CRDs, and an app that uses it
    const app = controller([...GATEWAY_API_CRDS, ...ENVOY_GATEWAY_CRDS]);
    const crds = gatewayApiCrds(app);
    const consumer = defineApp({
      name: "gateways",
      namespace: "network",
      layer: "config",
      objects: [],
      uses: [crds.app],
    });
    const component: Component = { name: "envoy", apps: [app, consumer] };
    // WHEN rendered
    const rendered = renderComponents([component], testSettings());
    // THEN nothing is missing and the consumer depends on the installer
    expect(rendered.findings).toEqual([]);
    expect(rendered.files.get("apps/network/gateways/ks.yaml")).toContain(
      "dependsOn:\n    - name: envoy-gateway\n      namespace: network\n",
    );
  });

  it("refuses an app that does not install every CRD group", () => {
    // GIVEN an app declaring Gateway API's groups but not Envoy Gateway's WHEN described THEN it throws
    expect(() => gatewayApiCrds(controller(GATEWAY_API_CRDS))).toThrow(
      [
        "OPTION gateway-api: app: the app does not install the Gateway API CRDs, so it cannot be their installer",
        "  expected: an app whose crds include gateway.networking.k8s.io/*, gateway.networking.x-k8s.io/*, gateway.envoyproxy.io/*",
        "  found:    network/envoy-gateway with crds [gateway.networking.k8s.io/*, gateway.networking.x-k8s.io/*]",
      ].join("\n"),
    );
  });

  it("rejects a name, an app id and an unknown channel at compile time", () => {
    // GIVEN wrongly typed input THEN the compiler refuses it, and at run time the installer check does
    // @ts-expect-error the installer is the app itself, not its name
    expect(() => gatewayApiCrds("envoy-gateway")).toThrow(
      'OPTION gateway-api: app: the app does not install the Gateway API CRDs, so it cannot be their installer\n  expected: an app whose crds include gateway.networking.k8s.io/*, gateway.networking.x-k8s.io/*, gateway.envoyproxy.io/*\n  found:    "envoy-gateway"',
    );
    // @ts-expect-error an app id names an app but does not show what it installs
    expect(() => gatewayApiCrds(installer)).toThrow("found:    network/envoy-gateway with crds []");
    // @ts-expect-error Gateway API publishes a standard and an experimental channel only
    const channel: GatewayApiChannel = "beta";
    expect(channel).toBe("beta");
  });
});

describe.skipIf(!schemaPresent(CRDS_DIR))("gateway-api against the upstream CRDs", () => {
  it("the bundle the chart vendors is the release and channel exported", () => {
    // GIVEN the experimental bundle Envoy Gateway vendors into its chart
    const crds = crdsIn(`${CRDS_DIR}/gateway-api/experimental-gatewayapi-crds.yaml`);
    // THEN every CRD carries the exported bundle version and channel
    expect(crds.length).toBeGreaterThan(0);
    for (const crd of crds) {
      expect(crd.metadata.annotations?.["gateway.networking.k8s.io/bundle-version"]).toBe(
        GATEWAY_API_VERSION,
      );
      expect(crd.metadata.annotations?.["gateway.networking.k8s.io/channel"]).toBe(GATEWAY_API_CHANNEL);
    }
  });

  it("every CRD the chart installs is in a declared group", () => {
    // GIVEN the Gateway API bundle and Envoy Gateway's CRDs
    const gatewayApi = crdsIn(`${CRDS_DIR}/gateway-api/experimental-gatewayapi-crds.yaml`);
    const envoy = readdirSync(`${CRDS_DIR}/envoy-gateway`).flatMap((file) =>
      crdsIn(`${CRDS_DIR}/envoy-gateway/${file}`),
    );
    // THEN each group is one the installer declares, so CRD_NOT_PROVIDED never fires for their kinds
    for (const crd of gatewayApi)
      expect(covered(GATEWAY_API_CRDS, crd.spec.group), crd.metadata.name).toBe(true);
    for (const crd of envoy)
      expect(covered(ENVOY_GATEWAY_CRDS, crd.spec.group), crd.metadata.name).toBe(true);
  });
});
