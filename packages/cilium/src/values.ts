import { meshValues } from "./mesh.js";
import type { ResolvedCiliumOptions } from "./options.js";

/** Talos' KubePrism: the API server on every node at localhost:7445, so Cilium needs no kube-proxy to find it. */
const KUBE_PRISM = { host: "127.0.0.1", port: 7445 } as const;

/**
 * The chart's capabilities without SYS_MODULE, since Talos forbids loading kernel modules, plus PERFMON and BPF,
 * which the kernels Talos ships support.
 */
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
    "SYSLOG",
  ],
  cleanCiliumState: ["NET_ADMIN", "SYS_ADMIN", "SYS_RESOURCE"],
};

/** The chart values: kube-proxy replacement on Talos with native routing, LB IPAM and the BGP control plane. */
export function ciliumValues(o: ResolvedCiliumOptions): Record<string, unknown> {
  return {
    autoDirectNodeRoutes: true,
    bgpControlPlane: { enabled: o.settings.bgp !== undefined },
    bpf: { hostLegacyRouting: o.hostLegacyRouting, masquerade: true },
    // Talos mounts cgroup2 at /sys/fs/cgroup itself.
    cgroup: { autoMount: { enabled: false }, hostRoot: "/sys/fs/cgroup" },
    cluster: { id: o.settings.id, name: o.settings.name },
    ...(o.clusterMesh ? { clustermesh: meshValues(o.clusterMesh) } : {}),
    cni: { exclusive: false },
    endpointRoutes: { enabled: true },
    ...gatewayApiValues(o.gatewayApi),
    hubble: hubbleValues(o.hubble),
    ipam: { mode: "kubernetes" },
    ipv4NativeRoutingCIDR: o.nativeRoutingCidr,
    k8sServiceHost: KUBE_PRISM.host,
    k8sServicePort: KUBE_PRISM.port,
    // L2 announcements hold a lease per service; the default client rate limit starves them (Cilium docs).
    k8sClientRateLimit: { burst: 100, qps: 50 },
    kubeProxyReplacement: true,
    l2announcements: { enabled: true },
    kubeProxyReplacementHealthzBindAddr: "0.0.0.0:10256",
    loadBalancer: { algorithm: "maglev", mode: o.loadBalancerMode },
    localRedirectPolicies: { enabled: true },
    operator: { replicas: o.operatorReplicas, rollOutPods: true },
    rollOutCiliumPods: true,
    routingMode: "native",
    securityContext: { capabilities: TALOS_CAPABILITIES },
  };
}

/**
 * Gateway API needs the L7 proxy and runs Envoy in its own DaemonSet. Without it, the Envoy that L7 policies use
 * stays embedded in the agent.
 */
function gatewayApiValues(enabled: boolean): Record<string, unknown> {
  return enabled
    ? { envoy: { enabled: true, rollOutPods: true }, gatewayAPI: { enabled: true }, l7Proxy: true }
    : { envoy: { enabled: false }, gatewayAPI: { enabled: false } };
}

function hubbleValues(enabled: boolean): Record<string, unknown> {
  return enabled
    ? { enabled: true, relay: { enabled: true, rollOutPods: true }, ui: { enabled: true, rollOutPods: true } }
    : { enabled: false };
}
