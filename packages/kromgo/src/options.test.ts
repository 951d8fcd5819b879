import { appOf, helmValues, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type KromgoOptions, kromgo } from "./index.js";
import { envoy } from "./test-support.js";

const base: KromgoOptions = {
  metrics: { url: "http://vmselect-hub.observability.svc.cluster.local:8481/select/0/prometheus" },
  gateway: envoy.gateways.external,
};
const app = (options: Partial<KromgoOptions> = {}) => appOf(kromgo({ ...base, ...options }), "kromgo");
const values = (options: Partial<KromgoOptions> = {}) =>
  helmValues(app(options)) as {
    configMaps: { config: { data: { "config.yaml": string } } };
    controllers: { kromgo: { containers: { app: { env: Record<string, string> } } } };
  };

describe("kromgo options", () => {
  it("metrics: is the Prometheus URL kromgo queries", () => {
    const url = "http://vmselect.example.internal:8481/select/1/prometheus";
    expect(values({ metrics: { url } }).controllers.kromgo.containers.app.env.PROMETHEUS_URL).toBe(url);
  });

  it("gateway: the route attaches to it and the app uses it", () => {
    const internal = app({ gateway: envoy.gateways.internal });
    expect(objectsOf(internal, "HTTPRoute")[0]).toMatchObject({
      spec: { parentRefs: [{ name: "envoy-internal" }] },
    });
    expect(internal.uses).toEqual([envoy.gateways.internal]);
  });

  it("hostname: is the route's host name and the component's URL", () => {
    expect(objectsOf(app({ hostname: "badges.example.com" }), "HTTPRoute")[0]).toMatchObject({
      spec: { hostnames: ["badges.example.com"] },
    });
    expect(kromgo({ ...base, hostname: "badges.example.com" }).url).toBe("https://badges.example.com");
  });

  it("namespace: moves the release", () => {
    expect(app({ namespace: "badges" }).namespace).toBe("badges");
  });

  it("badges: replace the defaults, optional fields left out", () => {
    const badges = [{ name: "ceph_health", query: "ceph_health_status", title: "Ceph" }];
    expect(parse(values({ badges }).configMaps.config.data["config.yaml"])).toEqual({
      metrics: [{ name: "ceph_health", query: "ceph_health_status", title: "Ceph" }],
    });
  });
});
