import { OptionError } from "@k8s-ops/core";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type KromgoOptions, kromgo } from "./index.js";
import { envoy } from "./test-support.js";

const message = optionMessage("kromgo");
const base: KromgoOptions = {
  metrics: { url: "http://vmselect-hub.observability.svc.cluster.local:8481/select/0/prometheus" },
  gateway: envoy.gateways.external,
};

describe("kromgo rejects invalid options", () => {
  it("a metrics URL that is not HTTP", () => {
    const build = () => kromgo({ ...base, metrics: { url: "vmselect:8481" } });
    expect(build).toThrow(OptionError);
    expect(build).toThrow(
      message(
        "metrics.url",
        "not an HTTP URL",
        "vmselect's Prometheus API, such as http://vmselect:8481/select/0/prometheus",
        '"vmselect:8481"',
      ),
    );
  });

  it("a host name that is a URL", () => {
    expect(() => kromgo({ ...base, hostname: "https://kromgo.example.com" })).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as kromgo.${SECRET_DOMAIN}",
        '"https://kromgo.example.com"',
      ),
    );
  });

  it("no badges", () => {
    expect(() => kromgo({ ...base, badges: [] })).toThrow(
      message("badges", "kromgo needs at least one badge", "badges such as DEFAULT_BADGES", "[]"),
    );
  });

  it("a badge name that is no path, or taken twice", () => {
    expect(() => kromgo({ ...base, badges: [{ name: "Node Count", query: "up" }] })).toThrow(
      message("badges[0].name", "not a badge path", "lowercase letters, digits and '_'", '"Node Count"'),
    );
    const twice = [
      { name: "nodes", query: "up" },
      { name: "nodes", query: "up" },
    ];
    expect(() => kromgo({ ...base, badges: twice })).toThrow(
      message("badges[1].name", "two badges share a name", "a name of its own for each badge", "nodes"),
    );
  });

  it("an empty query", () => {
    expect(() => kromgo({ ...base, badges: [{ name: "nodes", query: " " }] })).toThrow(
      message("badges[0].query", "the query is empty", "a PromQL query", '""'),
    );
  });

  it("bad option types at compile time", () => {
    // @ts-expect-error the metrics endpoint is a typed value, not a URL string
    expect(() => kromgo({ ...base, metrics: "http://vmselect:8481/select/0/prometheus" })).toThrow();
    // @ts-expect-error the gateway is a GatewayRef, not a name
    kromgo({ ...base, gateway: "envoy-external" });
    // @ts-expect-error a badge colour needs min and max
    kromgo({ ...base, badges: [{ name: "nodes", query: "up", colors: [{ color: "green" }] }] });
    // @ts-expect-error unknown option
    kromgo({ ...base, replicas: 2 });
  });
});
