import type { ClusterSettings } from "@k8s-ops/core";
import type { ResolvedTalosOptions } from "./options.js";
import type {
  ClusterConfig,
  KmsgLogConfig,
  Layer2VIPConfig,
  MachineConfig,
  ResolverConfig,
  TalosDocument,
  V1Alpha1Config,
} from "./types.js";

/** KubePrism: the node-local API load balancer Cilium reaches the API through (`k8sServicePort`). */
export const KUBEPRISM_PORT = 7445;

/** The bond every machine carries its address (and the control-plane VIP) on. */
export const BOND = "bond0";

/**
 * Keeps unpacked image layers, so Spegel can serve them to the other nodes. Talos' containerd already reads registry
 * mirrors from `/etc/cri/conf.d/hosts`, where Spegel writes them; that needs no patch.
 */
export const CRI_CUSTOMIZATION = {
  path: "/etc/cri/conf.d/20-customization.part",
  content: '[plugins."io.containerd.cri.v1.images"]\n  discard_unpacked_layers = false\n',
};

/**
 * The installer image of the cluster's Talos version, from the Image Factory: what the nodes are installed from, and
 * what their upgrades must install to keep the schematic's extensions.
 */
export function installerImage(
  settings: ClusterSettings,
  o: Pick<ResolvedTalosOptions, "schematic">,
): string {
  return `factory.talos.dev/installer/${o.schematic}:${settings.talosVersion}`;
}

/** `talos/cluster.yaml`: what every machine of the cluster shares. */
export function clusterPatch(settings: ClusterSettings, o: ResolvedTalosOptions): TalosDocument[] {
  const { network, kubernetesVersion } = settings;
  const config: V1Alpha1Config = {
    version: "v1alpha1",
    machine: {
      certSANs: certSans(o),
      install: { image: installerImage(settings, o), wipe: false },
      kubelet: {
        image: `ghcr.io/siderolabs/kubelet:${kubernetesVersion}`,
        nodeIP: { validSubnets: [network.nodeCidr] },
      },
      files: [{ op: "create", ...CRI_CUSTOMIZATION }],
      features: {
        kubePrism: { enabled: true, port: KUBEPRISM_PORT },
        hostDNS: { enabled: true, forwardKubeDNSToHost: true, resolveMemberNames: true },
      },
      ...(o.logForwarding
        ? { logging: { destinations: [{ endpoint: o.logForwarding.services, format: "json_lines" }] } }
        : {}),
    },
    cluster: {
      clusterName: settings.name,
      controlPlane: { endpoint: o.endpoint },
      network: {
        cni: { name: "none" },
        dnsDomain: "cluster.local",
        podSubnets: [network.podCidr],
        serviceSubnets: [network.serviceCidr],
      },
    },
  };
  const resolver: ResolverConfig = {
    apiVersion: "v1alpha1",
    kind: "ResolverConfig",
    nameservers: o.nameservers.map((address) => ({ address })),
  };
  const kernel = o.logForwarding?.kernel;
  const kmsg: KmsgLogConfig[] = kernel
    ? [{ apiVersion: "v1alpha1", kind: "KmsgLogConfig", name: "kernel", url: kernel }]
    : [];
  return [config, resolver, ...kmsg];
}

/** `talos/controlplane.yaml`: the control plane's own settings, and its virtual IP on the bond. */
export function controlPlanePatch(settings: ClusterSettings, o: ResolvedTalosOptions): TalosDocument[] {
  const nodeLabels: MachineConfig["nodeLabels"] = o.allowSchedulingOnControlPlanes
    ? { [EXCLUDE_FROM_LOAD_BALANCERS]: { $patch: "delete" } }
    : undefined;
  const config: V1Alpha1Config = {
    version: "v1alpha1",
    machine: {
      features: {
        kubernetesTalosAPIAccess: {
          enabled: true,
          allowedRoles: ["os:admin"],
          allowedKubernetesNamespaces: [...o.talosApiNamespaces],
        },
      },
      nodeLabels,
    },
    cluster: controlPlaneCluster(settings, o),
  };
  const vip: Layer2VIPConfig[] =
    o.vip === undefined ? [] : [{ apiVersion: "v1alpha1", kind: "Layer2VIPConfig", name: o.vip, link: BOND }];
  return [config, ...vip];
}

/**
 * The label Talos puts on control-plane nodes to keep them out of load balancing; dropped where they run workloads,
 * as Talos' own guide to scheduling on control planes advises.
 */
const EXCLUDE_FROM_LOAD_BALANCERS = "node.kubernetes.io/exclude-from-external-load-balancers";

function controlPlaneCluster(settings: ClusterSettings, o: ResolvedTalosOptions): ClusterConfig {
  const version = settings.kubernetesVersion;
  const metrics = { "bind-address": "0.0.0.0" };
  return {
    allowSchedulingOnControlPlanes: o.allowSchedulingOnControlPlanes,
    apiServer: {
      image: `registry.k8s.io/kube-apiserver:${version}`,
      certSANs: certSans(o),
      extraArgs: { "enable-aggregator-routing": "true" },
    },
    controllerManager: { image: `registry.k8s.io/kube-controller-manager:${version}`, extraArgs: metrics },
    scheduler: { image: `registry.k8s.io/kube-scheduler:${version}`, extraArgs: metrics },
    proxy: { disabled: true },
    coreDNS: { disabled: true },
    etcd: {
      advertisedSubnets: [settings.network.nodeCidr],
      extraArgs: { "listen-metrics-urls": "http://0.0.0.0:2381" },
    },
  };
}

/** Names the API server's and the machines' certificates carry besides their own addresses. */
function certSans(o: ResolvedTalosOptions): string[] {
  const host = new URL(o.endpoint).hostname;
  return ["127.0.0.1", host];
}
