import { testSettings } from "@k8s-ops/core";
import { appOf, helmValues } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { coredns } from "./index.js";
import { plugins } from "./test-support.js";

describe("coredns options", () => {
  it("namespace: places the release and the Service reference", () => {
    const dns = coredns({ settings: testSettings(), namespace: "dns" });
    expect(dns.apps[0]?.namespace).toBe("dns");
    expect(dns.service.host).toBe("kube-dns.dns.svc.cluster.local");
  });

  it("replicas: sizes the Deployment; one replica gets no disruption budget", () => {
    // GIVEN three replicas THEN replicaCount follows and the budget keeps all but one up
    expect(helmValues(appOf(coredns({ settings: testSettings(), replicas: 3 }), "coredns"))).toMatchObject({
      replicaCount: 3,
      podDisruptionBudget: { maxUnavailable: 1 },
    });
    // GIVEN one replica THEN a budget would block every drain, so there is none
    const single = helmValues(appOf(coredns({ settings: testSettings(), replicas: 1 }), "coredns"));
    expect(single.replicaCount).toBe(1);
    expect(single.podDisruptionBudget).toBeUndefined();
  });

  it("clusterDomain: the zone the kubernetes plugin serves", () => {
    const dns = coredns({ settings: testSettings(), clusterDomain: "apps.internal" });
    expect(plugins(dns).get("kubernetes")?.parameters).toBe("apps.internal in-addr.arpa ip6.arpa");
    expect(dns.service.host).toBe("kube-dns.kube-system.svc.apps.internal");
  });

  it("upstream: where forward sends other names", () => {
    const dns = coredns({ settings: testSettings(), upstream: "1.1.1.1 1.0.0.1" });
    expect(plugins(dns).get("forward")?.parameters).toBe(". 1.1.1.1 1.0.0.1");
  });

  it("settings: the service CIDR places the Service", () => {
    const settings = testSettings();
    const dns = coredns({
      settings: { ...settings, network: { ...settings.network, serviceCidr: "10.96.0.0/12" } },
    });
    expect(dns.serviceIp).toBe("10.96.0.10");
  });
});

describe("coredns option types", () => {
  it("rejects bad options at compile time", () => {
    const settings = testSettings();
    // @ts-expect-error settings are required
    expect(() => coredns({})).toThrow();
    // @ts-expect-error unknown option
    coredns({ settings, replica: 2 });
    // @ts-expect-error replicas is a number
    expect(() => coredns({ settings, replicas: "2" })).toThrow();
    // @ts-expect-error upstream is one space-separated string
    expect(() => coredns({ settings, upstream: ["1.1.1.1"] })).toThrow();
  });
});
