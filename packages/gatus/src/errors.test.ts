import { OptionError } from "@k8s-ops/core";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { gatus, gatusCheck } from "./index.js";
import { envoy, settings } from "./test-support.js";

const message = optionMessage("gatus");
const checkMessage = optionMessage("gatusCheck(web)");
const gateway = envoy.gateways.external;
const url = "https://web.example.com";

describe("gatus rejects invalid options", () => {
  it("a host name that is a URL", () => {
    const build = () => gatus({ settings, gateway, hostname: "https://status.example.com" });
    expect(build).toThrow(OptionError);
    expect(build).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as status-apps.${SECRET_DOMAIN}",
        '"https://status.example.com"',
      ),
    );
  });

  it("an empty title", () => {
    expect(() => gatus({ settings, gateway, title: " " })).toThrow(
      message("title", "the status page needs a title", "a short text such as Status", '""'),
    );
  });

  it("a volume size that is not a quantity", () => {
    expect(() => gatus({ settings, gateway, storageSize: "1GB" })).toThrow(
      message("storageSize", "not a volume size", "a quantity such as 512Mi or 1Gi", '"1GB"'),
    );
  });

  it("bad option types at compile time", () => {
    // @ts-expect-error the gateway is a GatewayRef from envoy-gateway, not a name
    gatus({ settings, gateway: "envoy-external" });
    // @ts-expect-error the storage class is a StorageClassRef, not a name
    gatus({ settings, gateway, storageClass: "ceph-block" });
    // @ts-expect-error a ClusterIssuer reference is not a gateway
    gatus({ settings, gateway: { ...gateway, type: "ClusterIssuer" } });
    // @ts-expect-error unknown option
    gatus({ settings, gateway, replicas: 2 });
    // @ts-expect-error the cluster's settings are required: they name its page
    expect(() => gatus({ gateway })).toThrow(TypeError);
  });
});

describe("gatusCheck rejects invalid options", () => {
  it("a name that is no DNS label", () => {
    expect(() => gatusCheck({ name: "Web App", url })).toThrow(
      optionMessage("gatusCheck(Web App)")(
        "name",
        "not a DNS label",
        "lowercase letters, digits and '-', at most 53 characters",
        '"Web App"',
      ),
    );
  });

  it("a URL without a scheme", () => {
    expect(() => gatusCheck({ name: "web", url: "web.example.com" })).toThrow(
      checkMessage(
        "url",
        "not a URL Gatus can check",
        "a URL such as https://app.${SECRET_DOMAIN}",
        '"web.example.com"',
      ),
    );
  });

  it("no conditions", () => {
    expect(() => gatusCheck({ name: "web", url, conditions: [] })).toThrow(
      checkMessage(
        "conditions",
        "a check needs at least one condition",
        'conditions such as "[STATUS] == 200"',
        "[]",
      ),
    );
  });

  it("an interval that is no duration", () => {
    expect(() => gatusCheck({ name: "web", url, interval: "1 minute" })).toThrow(
      checkMessage("interval", "not a duration", "a duration such as 30s, 1m or 1h30m", '"1 minute"'),
    );
  });

  it("a resolver without scheme or port", () => {
    expect(() => gatusCheck({ name: "web", url, dnsResolver: "1.1.1.1" })).toThrow(
      checkMessage(
        "dnsResolver",
        "not a DNS resolver address",
        "tcp://host:port or udp://host:port",
        '"1.1.1.1"',
      ),
    );
  });

  it("bad option types at compile time", () => {
    // @ts-expect-error the URL is required
    expect(() => gatusCheck({ name: "web" })).toThrow();
    // @ts-expect-error conditions are a list
    gatusCheck({ name: "web", url, conditions: "[STATUS] == 200" });
    // @ts-expect-error unknown option
    gatusCheck({ name: "web", url, alerts: [] });
  });
});
