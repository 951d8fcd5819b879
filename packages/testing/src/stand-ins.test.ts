import { fileURLToPath } from "node:url";
import { componentYaml, defineApp, renderComponents } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import {
  cephBlockStandIn,
  certIssuersStandIn,
  certManagerStandIn,
  databaseAppStandIns,
  gatewaysStandIn,
  operatorStandIn,
  PLATFORM_SETTINGS,
  platformStandIn,
  readmeShows,
  routeStandIns,
  SECRET_DOMAIN_SETTINGS,
  storageStandIn,
  victoriaMetricsOperatorStandIn,
} from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("stand-ins", () => {
  it("let a component render with what it uses, as the README shows", () => {
    // GIVEN an app using a gateway and a storage class WHEN rendered beside their stand-ins
    // STAND-INS:start
    const gateways = gatewaysStandIn({ crds: true });
    const storage = cephBlockStandIn();
    const demo = defineApp({
      name: "demo",
      namespace: "demo",
      layer: "apps",
      objects: [],
      uses: [gateways.internal, storage.storageClass],
    });
    const yaml = componentYaml({ name: "demo", apps: [demo] }, SECRET_DOMAIN_SETTINGS, [
      gateways.component,
      storage.component,
    ]);
    // STAND-INS:end
    // THEN it depends on the apps providing them, which are not printed, and the README shows this example
    expect(yaml).toContain("name: envoy-gateways");
    expect(yaml).toContain("name: rook-ceph");
    expect(yaml).not.toContain("kind: StorageClass");
    expect(readmeShows(README, fileURLToPath(import.meta.url), "STAND-INS")).toBe(true);
  });

  it("give references to the apps that provide them", () => {
    // GIVEN the gateways, storage and cert-manager stand-ins WHEN their references are read
    const gateways = gatewaysStandIn({ crds: true });
    const storage = storageStandIn({
      name: "rook-ceph",
      namespace: "rook-ceph",
      layer: "config",
      storageClass: "ceph-block",
      snapshotClass: "csi-ceph-blockpool",
    });
    // THEN each names its object and the app it comes from
    expect(gateways.internal).toMatchObject({
      type: "Gateway",
      name: "envoy-internal",
      namespace: "network",
    });
    expect(gateways.external.name).toBe("envoy-external");
    expect(gateways.app.crds).toEqual(["gateway.networking.k8s.io/*"]);
    expect(storage.storageClass.name).toBe("ceph-block");
    expect(storage.snapshotClass?.name).toBe("csi-ceph-blockpool");
    expect(storage.app.objects).toEqual([]);
    expect(certIssuersStandIn().issuers.production.name).toBe("letsencrypt-production");
    expect(cephBlockStandIn().app.objects.map((o) => o.toJSON())).toEqual([
      {
        apiVersion: "storage.k8s.io/v1",
        kind: "StorageClass",
        metadata: { name: "ceph-block" },
        provisioner: "rook-ceph.rbd.csi.ceph.com",
      },
    ]);
  });

  it("render without findings beside a component using them", () => {
    // GIVEN a component using a gateway, a storage class and an operator's kinds
    const gateways = gatewaysStandIn({ crds: true });
    const storage = cephBlockStandIn();
    const user = defineApp({
      name: "user",
      namespace: "default",
      layer: "apps",
      objects: [],
      uses: [gateways.internal, storage.storageClass],
    });
    const operator = operatorStandIn({ name: "op", namespace: "op", crds: ["example.com/*"], wait: true });
    // WHEN everything renders together
    const rendered = renderComponents(
      [
        { name: "user", apps: [user] },
        gateways.component,
        storage.component,
        certIssuersStandIn(),
        victoriaMetricsOperatorStandIn(),
        { name: "op", apps: [operator] },
      ],
      SECRET_DOMAIN_SETTINGS,
    );
    // THEN nothing is missing
    expect(rendered.findings).toEqual([]);
    expect(renderComponents([certManagerStandIn()], PLATFORM_SETTINGS.infra).findings).toEqual([]);
    expect(PLATFORM_SETTINGS.infra.name).toBe("infra");
    expect(PLATFORM_SETTINGS.apps.id).toBe(2);
  });

  it("put an apps cluster's platform in one component", () => {
    // GIVEN the platform stand-in serving one operator's kinds WHEN built
    const platform = platformStandIn(["example.com/*"]);
    // THEN its operators app serves those and the Gateway API kinds, and the references point into it
    expect(platform.component.apps.map((app) => app.name)).toEqual([
      "operators",
      "envoy-gateways",
      "rook-ceph",
    ]);
    expect(platform.component.apps[0]?.crds).toEqual(["example.com/*", "gateway.networking.k8s.io/*"]);
    expect(platform.storage.snapshotClass.name).toBe("csi-ceph-blockpool");
    expect(platform.gateways.external.name).toBe("envoy-external");
  });

  it("give a database app its providers, building the Postgres operator on cert-manager", () => {
    // GIVEN an operator stand-in built on the cert-manager it is given WHEN the set is built
    const seen: unknown[] = [];
    const set = databaseAppStandIns((certManager) => {
      seen.push(certManager);
      return {
        name: "postgres",
        apps: [operatorStandIn({ name: "pg", namespace: "pg", crds: ["pg.example/*"] })],
      };
    });
    // THEN the operator got the set's cert-manager, and the providers come in order
    expect(seen).toEqual([set.certManager]);
    expect(set.providers.map((c) => c.name)).toEqual([
      "cert-manager",
      "postgres",
      "rook-ceph",
      "envoy-gateway",
      "victoria-metrics",
    ]);
    expect(set.storageClass.name).toBe("ceph-block");
    expect(set.internalGateway.name).toBe("envoy-internal");
    expect(renderComponents(set.providers, SECRET_DOMAIN_SETTINGS).findings).toEqual([]);
  });

  it("give a component with routes the gateways built on cert-manager's issuer", () => {
    // GIVEN a gateways builder WHEN the route stand-ins are built with it
    const set = routeStandIns((options) => ({ name: "gateways", apps: [], options }));
    // THEN it got the test cluster, two addresses and the production issuer, and renders beside cert-manager
    expect(set.gateways.options.settings).toBe(SECRET_DOMAIN_SETTINGS);
    expect(set.gateways.options.addresses).toEqual({ external: "192.168.0.130", internal: "192.168.0.131" });
    expect(set.gateways.options.issuer.name).toBe("letsencrypt-production");
    expect(set.alongside.map((c) => c.name)).toEqual(["cert-manager", "gateways"]);
  });
});
