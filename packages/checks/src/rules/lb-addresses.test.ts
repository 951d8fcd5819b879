import { defineApp, helmApp, type KubeObject } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, raw, viewOf } from "../test-support.js";
import { loadBalancerAddresses } from "./lb-addresses.js";

const chart = { url: "oci://r.example.org/c/web", tag: "1.0.0" };

/** The pool as the cilium component renders it, or with other blocks. */
function pool(blocks: object[] = [{ cidr: "10.25.11.64/27" }], extra: object = {}, name = "pool") {
  const spec = { allowFirstLastIPs: "No", blocks, ...extra };
  return raw({ apiVersion: "cilium.io/v2", kind: "CiliumLoadBalancerIPPool", metadata: { name }, spec });
}

/** An EnvoyProxy whose Service asks for `address`, as the envoy-gateway component renders it. */
function envoyProxy(name: string, address: string) {
  const envoyService = { annotations: { "lbipam.cilium.io/ips": address }, name, type: "LoadBalancer" };
  return raw({
    apiVersion: "gateway.envoyproxy.io/v1alpha1",
    kind: "EnvoyProxy",
    metadata: { name },
    spec: { provider: { kubernetes: { envoyService }, type: "Kubernetes" } },
  });
}

function service(name: string, spec: object, annotations: Record<string, string> = {}) {
  return raw({ apiVersion: "v1", kind: "Service", metadata: { name, annotations }, spec });
}

/** The findings of one cluster rendering the objects (in namespace `network`) and the Helm values. */
function check(objects: KubeObject[], values?: Record<string, unknown>) {
  const app = defineApp({ name: "lb", namespace: "network", layer: "apps", objects });
  const apps = values
    ? [app, helmApp({ name: "chart", namespace: "network", layer: "apps", chart, values })]
    : [app];
  return loadBalancerAddresses(viewOf(inputOf([{ name: "lb", apps }])));
}

describe("loadBalancerAddresses", () => {
  it("reports an address two objects request, at the second, naming the first", () => {
    // GIVEN a gateway's EnvoyProxy and a Service asking for one address of the pool
    const objects = [
      pool(),
      envoyProxy("envoy-internal", "10.25.11.71"),
      service("ssh", { type: "LoadBalancer", loadBalancerIP: "10.25.11.71" }),
    ];
    // WHEN
    const findings = check(objects);
    // THEN the Service is reported, with what was found and expected
    expect(lines(findings)).toEqual([
      "LB_ADDRESS test › network/lb › Service network/ssh: spec.loadBalancerIP: the address is also requested by EnvoyProxy network/envoy-internal (spec.provider.kubernetes.envoyService.annotations.lbipam.cilium.io/ips)",
    ]);
    expect(findings[0]).toMatchObject({
      expected: "an address no other object of the cluster requests",
      found: "10.25.11.71",
    });
  });

  it("finds requests in chart values, and an address requested by the cluster and by a chart", () => {
    // GIVEN the clustermesh-apiserver's address in Cilium's values and a chart's loadBalancerIP, both taken
    const objects = [
      pool(),
      service("mesh", { type: "LoadBalancer" }, { "lbipam.cilium.io/ips": "10.25.11.65" }),
    ];
    const values = {
      clustermesh: { apiserver: { service: { annotations: { "lbipam.cilium.io/ips": "10.25.11.65" } } } },
      shell: { service: { loadBalancerIP: "10.25.11.95", type: "LoadBalancer" } },
    };
    // WHEN
    const findings = check(objects, values);
    // THEN the reserved last address and the shared one are reported
    expect(lines(findings)).toEqual([
      "LB_ADDRESS test › network/chart › HelmRelease network/chart: spec.values.shell.service.loadBalancerIP: the address is the first or last of CiliumLoadBalancerIPPool pool's block 10.25.11.64/27, which LB IPAM reserves (allowFirstLastIPs: No)",
      "LB_ADDRESS test › network/lb › Service network/mesh: metadata.annotations.lbipam.cilium.io/ips: the address is also requested by HelmRelease network/chart (spec.values.clustermesh.apiserver.service.annotations.lbipam.cilium.io/ips)",
    ]);
    expect(findings[0]).toMatchObject({ expected: "an address from 10.25.11.65 to 10.25.11.94" });
  });

  it("reports an address outside every enabled pool, a reserved end, and a value that is no address", () => {
    // GIVEN a CIDR block, a start/stop block, a disabled pool, and requests of each kind
    const objects = [
      pool([{ cidr: "10.25.11.64/28" }, { start: "10.25.11.90", stop: "10.25.11.92" }]),
      pool([{ cidr: "10.25.11.100/30" }], { disabled: true }, "drained"),
      envoyProxy("envoy-external", "10.25.11.64,10.25.11.90"),
      envoyProxy("envoy-internal", "10.25.11.101"),
      service("web", { type: "LoadBalancer" }, { "lbipam.cilium.io/ips": "web.lan" }),
    ];
    // WHEN
    const findings = check(objects);
    // THEN the CIDR block's first address and the disabled pool's address are reported; the range's end is not
    expect(lines(findings)).toEqual([
      "LB_ADDRESS test › network/lb › EnvoyProxy network/envoy-external: spec.provider.kubernetes.envoyService.annotations.lbipam.cilium.io/ips: the address is the first or last of CiliumLoadBalancerIPPool pool's block 10.25.11.64/28, which LB IPAM reserves (allowFirstLastIPs: No)",
      "LB_ADDRESS test › network/lb › EnvoyProxy network/envoy-internal: spec.provider.kubernetes.envoyService.annotations.lbipam.cilium.io/ips: no CiliumLoadBalancerIPPool of the cluster hands out the address",
      "LB_ADDRESS test › network/lb › Service network/web: metadata.annotations.lbipam.cilium.io/ips: not an IP address",
    ]);
    expect(findings.map((f) => [f.expected, f.found])).toEqual([
      ["an address from 10.25.11.65 to 10.25.11.78", "10.25.11.64"],
      ["an address from 10.25.11.65 to 10.25.11.78, 10.25.11.90 to 10.25.11.92", "10.25.11.101"],
      ["an IPv4 or IPv6 address", '"web.lan"'],
    ]);
  });

  it("reports every request of a cluster that renders no pool", () => {
    // GIVEN a LoadBalancer Service asking for an address, and no CiliumLoadBalancerIPPool
    const findings = check([service("ssh", { type: "LoadBalancer", loadBalancerIP: "10.25.11.70" })]);
    // WHEN / THEN
    expect(findings.map((f) => f.expected)).toEqual([
      "an address of a CiliumLoadBalancerIPPool (the cluster renders none that is enabled)",
    ]);
  });

  it("takes each end of a pool that keeps them, a shared key, one object asking twice and substitutions", () => {
    // GIVEN a pool handing out its ends, Services sharing a key, a Service with the annotation and loadBalancerIP,
    // a ClusterIP Service and another class's LoadBalancer carrying the annotation, and a substituted address
    const sharing = { "lbipam.cilium.io/ips": "10.25.11.70", "lbipam.cilium.io/sharing-key": "dns" };
    const objects = [
      pool([{ cidr: "10.25.11.64/27" }], { allowFirstLastIPs: "Yes" }),
      service("dns-tcp", { type: "LoadBalancer" }, sharing),
      service("dns-udp", { type: "LoadBalancer" }, sharing),
      service(
        "both",
        { type: "LoadBalancer", loadBalancerIP: "10.25.11.64" },
        { "lbipam.cilium.io/ips": "10.25.11.64" },
      ),
      service("internal", { type: "ClusterIP" }, { "lbipam.cilium.io/ips": "10.25.11.70" }),
      service(
        "metal",
        { type: "LoadBalancer", loadBalancerClass: "metallb" },
        { "lbipam.cilium.io/ips": "10.0.0.1" },
      ),
      envoyProxy("envoy-external", "${GATEWAY_IP}"),
    ];
    // WHEN / THEN
    expect(lines(check(objects))).toEqual([]);
  });
});
