import { type ClusterSettings, OptionError, testSettings } from "@k8s-ops/core";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { clusterDnsIp, coredns } from "./index.js";

const message = optionMessage("coredns");

function withServiceCidr(serviceCidr: string): ClusterSettings {
  const settings = testSettings();
  return { ...settings, network: { ...settings.network, serviceCidr } };
}

describe("coredns rejects invalid options", () => {
  it("no replicas", () => {
    const build = () => coredns({ settings: testSettings(), replicas: 0 });
    expect(build).toThrow(OptionError);
    expect(build).toThrow(message("replicas", "CoreDNS needs at least one replica", "an integer ≥ 1", "0"));
  });

  it("a cluster domain that is not a DNS name", () => {
    expect(() => coredns({ settings: testSettings(), clusterDomain: "Cluster.Local." })).toThrow(
      message(
        "clusterDomain",
        "not a DNS domain",
        "lower-case DNS labels joined by dots, such as cluster.local",
        '"Cluster.Local."',
      ),
    );
  });

  it("an empty upstream", () => {
    expect(() => coredns({ settings: testSettings(), upstream: " " })).toThrow(
      message(
        "upstream",
        "CoreDNS needs somewhere to forward names outside the cluster",
        '"/etc/resolv.conf" or resolver addresses such as "1.1.1.1 1.0.0.1"',
        '""',
      ),
    );
  });

  it("an IPv6 service CIDR", () => {
    expect(() => coredns({ settings: withServiceCidr("fd00:10:96::/112") })).toThrow(
      message(
        "settings.network.serviceCidr",
        "only IPv4 service CIDRs are supported",
        "an IPv4 CIDR",
        "fd00:10:96::/112",
      ),
    );
  });

  it("a service CIDR too small to hold the DNS address", () => {
    expect(() => clusterDnsIp("10.101.0.0/29")).toThrow(
      message(
        "settings.network.serviceCidr",
        "the service CIDR has no tenth address for cluster DNS",
        "a range of at least 16 addresses (/28 or larger)",
        "10.101.0.0/29",
      ),
    );
  });

  it.each(["10.101.0.0", "services"])("a service CIDR %j that is not a CIDR", (cidr) => {
    expect(() => coredns({ settings: withServiceCidr(cidr) })).toThrow(
      message(
        "settings.network.serviceCidr",
        "not a CIDR",
        "a network such as 10.245.0.0/16",
        JSON.stringify(cidr),
      ),
    );
  });
});
