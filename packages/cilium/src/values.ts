import type { ResolvedCiliumOptions } from "./options.js";

/** Talos' KubePrism: the API server on every node at localhost:7445, so Cilium needs no kube-proxy to find it. */
const KUBE_PRISM = { host: "127.0.0.1", port: 7445 } as const;

/** Talos mounts cgroup2 itself and forbids loading kernel modules, so the agent gets no SYS_MODULE. */
const TALOS_CAPABILITIES = {
  ciliumAgent: [
    "CHOWN",
    "KILL",
    "NET_ADMIN",
    "NET_RAW",
    "IPC_LOCK",
    "SYS_ADMIN",
    "SYS_RESOURCE",
    "PERFMON",
    "BPF",
    "DAC_OVERRIDE",
    "FOWNER",
    "SETGID",
    "SETUID",
  ],
  cleanCiliumState: ["NET_ADMIN", "SYS_ADMIN", "SYS_RESOURCE"],
};

/** The chart values: kube-proxy replacement on Talos with native routing, LB IPAM and the BGP control plane. */
export function ciliumValues(o: ResolvedCiliumOptions): Record<string, unknown> {
  return {
    autoDirectNodeRoutes: true,
    bgpControlPlane: { enabled: o.settings.bgp !== undefined },
    bpf: { masquerade: true },
    cgroup: { automount: { enabled: false }, hostRoot: "/sys/fs/cgroup" },
    cluster: { id: o.settings.id, name: o.settings.name },
    cni: { exclusive: false },
    endpointRoutes: { enabled: true },
    envoy: { enabled: false },
    gatewayAPI: { enabled: false },
    hubble: o.hubble
      ? { enabled: true, relay: { enabled: true }, ui: { enabled: true } }
      : { enabled: false },
    ipam: { mode: "kubernetes" },
    ipv4NativeRoutingCIDR: o.nativeRoutingCidr,
    k8sServiceHost: KUBE_PRISM.host,
    k8sServicePort: KUBE_PRISM.port,
    kubeProxyReplacement: true,
    kubeProxyReplacementHealthzBindAddr: "0.0.0.0:10256",
    loadBalancer: { algorithm: "maglev", mode: o.loadBalancerMode },
    localRedirectPolicy: true,
    operator: { replicas: o.operatorReplicas, rollOutPods: true },
    rollOutCiliumPods: true,
    routingMode: "native",
    securityContext: { capabilities: TALOS_CAPABILITIES },
  };
}
