import { defineApp, reference } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type GatusOptions, gatus, gatusCheck } from "./index.js";
import { envoy, settings } from "./test-support.js";

const base: GatusOptions = { settings, gateway: envoy.gateways.external };
const storage = defineApp({
  name: "rook-ceph-cluster",
  namespace: "rook-ceph",
  layer: "config",
  objects: [],
});
const cephBlock = reference("StorageClass", storage, "ceph-block");

interface Values {
  configMaps: { config: { data: { "config.yaml": string } } };
  controllers: { gatus: { strategy: string } };
  persistence: Record<string, unknown>;
}

function values(options: Partial<GatusOptions> = {}): Values {
  return helmValues(appOf(gatus({ ...base, ...options }), "gatus")) as unknown as Values;
}

function mainConfig(options: Partial<GatusOptions> = {}) {
  return parse(values(options).configMaps.config.data["config.yaml"]);
}

describe("gatus options", () => {
  it("gateway: the route attaches to it and the app uses it", () => {
    const app = appOf(gatus({ settings, gateway: envoy.gateways.internal }), "gatus");
    expect(objectsOf(app, "HTTPRoute")[0]).toMatchObject({
      spec: { parentRefs: [{ name: "envoy-internal" }] },
    });
    expect(app.uses).toEqual([envoy.gateways.internal]);
  });

  it("hostname: is the route's host name and the page's own check", () => {
    const status = gatus({ ...base, hostname: "uptime.example.com" });
    expect(objectsOf(appOf(status, "gatus"), "HTTPRoute")[0]).toMatchObject({
      spec: { hostnames: ["uptime.example.com"] },
    });
    expect(mainConfig({ hostname: "uptime.example.com" }).endpoints[0].url).toBe(
      "https://uptime.example.com/health",
    );
    expect(status.url).toBe("https://uptime.example.com");
  });

  it("namespace: moves the release and the ServiceAccount the binding names", () => {
    const app = appOf(gatus({ ...base, namespace: "status" }), "gatus");
    expect(app.namespace).toBe("status");
    expect(objectsOf(app, "ClusterRoleBinding")[0]).toMatchObject({ subjects: [{ namespace: "status" }] });
  });

  it("title: names the page", () => {
    expect(mainConfig({ title: "Home lab" }).ui).toEqual({ header: "Home lab", title: "Home lab" });
  });

  it("storageClass: keeps the history in SQLite on a volume, recreating the pod on updates", () => {
    // GIVEN a storage class WHEN built
    const app = appOf(gatus({ ...base, storageClass: cephBlock }), "gatus");
    // THEN the config stores to /data, a PVC of that class is mounted there, and the app uses the class
    expect(mainConfig({ storageClass: cephBlock }).storage).toEqual({
      caching: true,
      path: "/data/gatus.db",
      type: "sqlite",
    });
    expect(values({ storageClass: cephBlock }).persistence.data).toEqual({
      accessMode: "ReadWriteOnce",
      advancedMounts: { gatus: { app: [{ path: "/data" }] } },
      size: "1Gi",
      storageClass: "ceph-block",
      type: "persistentVolumeClaim",
    });
    expect(values({ storageClass: cephBlock }).controllers.gatus.strategy).toBe("Recreate");
    expect(app.uses).toContain(cephBlock);
  });

  it("storageSize: sizes that volume", () => {
    expect(values({ storageClass: cephBlock, storageSize: "5Gi" }).persistence.data).toMatchObject({
      size: "5Gi",
    });
  });
});

describe("gatusCheck options", () => {
  const endpoint = (options: Partial<Parameters<typeof gatusCheck>[0]>) =>
    gatusCheck({ name: "web", url: "https://web.example.com", ...options }).endpoint;

  it("group: the group the check is shown in", () => {
    expect(endpoint({ group: "external" }).group).toBe("external");
  });

  it("conditions: what the response must meet", () => {
    expect(endpoint({ conditions: ["[STATUS] == 401"] }).conditions).toEqual(["[STATUS] == 401"]);
  });

  it("interval: how often it is checked", () => {
    expect(endpoint({ interval: "30s" }).interval).toBe("30s");
  });

  it("dnsResolver: resolves the host with another DNS server", () => {
    expect(endpoint({ dnsResolver: "tcp://1.1.1.1:53" }).client).toEqual({
      "dns-resolver": "tcp://1.1.1.1:53",
    });
  });

  it("namespace: puts the ConfigMap in another namespace", () => {
    const check = gatusCheck({ name: "web", url: "https://web.example.com", namespace: "default" });
    expect(check.object.metadata?.namespace).toBe("default");
  });
});
