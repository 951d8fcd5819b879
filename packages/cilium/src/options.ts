import type { AppRef, ClusterSettings, SecretStoreRef } from "@k8s-ops/core";

/** Another cluster of the mesh, as this cluster reaches it. */
export interface MeshPeer {
  /** The peer's Cilium `cluster.name`. */
  readonly name: string;
  /** The peer's Cilium `cluster.id`. */
  readonly id: number;
  /** The IPv4 address of the peer's clustermesh-apiserver LoadBalancer Service. */
  readonly address: string;
  /** Port of the peer's clustermesh-apiserver. @default 2379 */
  readonly port?: number;
  /** The peer's pod CIDR: native routing needs it inside this cluster's `nativeRoutingCidr`. */
  readonly podCidr: string;
}

/** ClusterMesh with the other clusters, through clustermesh-apiservers behind LoadBalancer IPs. */
export interface ClusterMeshOptions {
  /** The clusters this one connects to. */
  readonly peers: readonly MeshPeer[];
  /** The LoadBalancer IP of this cluster's clustermesh-apiserver: a usable address of the cluster's LB pool. */
  readonly apiServerIp: string;
  /**
   * The CA every meshed cluster shares: one 1Password item with the PEM fields `ca.crt` and `ca.key`, read on every
   * cluster through an ExternalSecret into the Secret `cilium-ca-values` that the release reads its `tls.ca` from.
   */
  readonly ca: { readonly store: SecretStoreRef; readonly item: string };
}

interface CiliumBaseOptions {
  /** The cluster Cilium runs on: its name and id, pod CIDR, node network, LoadBalancer range and BGP peering. */
  readonly settings: ClusterSettings;
  /** Namespace of the release. @default "kube-system" */
  readonly namespace?: string;
  /**
   * The range Cilium routes natively, without masquerading. It must contain the cluster's pod CIDR and, with
   * ClusterMesh, every peer's. @default the cluster's pod CIDR
   */
  readonly nativeRoutingCidr?: string;
  /** Replicas of the Cilium operator. @default 2 */
  readonly operatorReplicas?: number;
  /** How LoadBalancer traffic reaches backends on other nodes. @default "dsr" */
  readonly loadBalancerMode?: "dsr" | "snat" | "hybrid";
  /** Deploy Hubble with its relay and UI. @default false */
  readonly hubble?: boolean;
  /**
   * Route host traffic through the kernel stack instead of eBPF host routing. Talos' `forwardKubeDNSToHost`
   * (on by default since Talos 1.8) does not work with eBPF host routing and BPF masquerading. @default true
   */
  readonly hostLegacyRouting?: boolean;
  /** Connect this cluster to others with ClusterMesh. @default undefined (no mesh) */
  readonly clusterMesh?: ClusterMeshOptions;
}

/** Gateway API in Cilium: off, or on together with the app that installs the Gateway API CRDs. */
export type GatewayApiOptions =
  | {
      /** Serve Gateway API with Cilium's Envoy. @default false (the platform uses Envoy Gateway) */
      readonly gatewayApi?: false;
      readonly gatewayApiCrds?: undefined;
    }
  | {
      readonly gatewayApi: true;
      /**
       * The app installing the `gateway.networking.k8s.io` CRDs, which must exist before the agent starts;
       * Cilium depends on it.
       */
      readonly gatewayApiCrds: AppRef;
    };

export type CiliumOptions = CiliumBaseOptions & GatewayApiOptions;

/** Options with every default applied. */
export interface ResolvedCiliumOptions {
  readonly settings: ClusterSettings;
  readonly namespace: string;
  readonly nativeRoutingCidr: string;
  readonly operatorReplicas: number;
  readonly loadBalancerMode: "dsr" | "snat" | "hybrid";
  readonly hubble: boolean;
  readonly hostLegacyRouting: boolean;
  readonly clusterMesh?: ResolvedClusterMesh;
  readonly gatewayApi: boolean;
  readonly gatewayApiCrds?: AppRef;
}

export interface ResolvedClusterMesh extends ClusterMeshOptions {
  readonly peers: readonly Required<MeshPeer>[];
}

export const CLUSTERMESH_PORT = 2379;

export function resolveOptions(options: CiliumOptions): ResolvedCiliumOptions {
  const mesh = options.clusterMesh;
  return {
    settings: options.settings,
    namespace: options.namespace ?? "kube-system",
    nativeRoutingCidr: options.nativeRoutingCidr ?? options.settings.network.podCidr,
    operatorReplicas: options.operatorReplicas ?? 2,
    loadBalancerMode: options.loadBalancerMode ?? "dsr",
    hubble: options.hubble ?? false,
    hostLegacyRouting: options.hostLegacyRouting ?? true,
    clusterMesh: mesh && {
      ...mesh,
      peers: mesh.peers.map((peer) => ({ ...peer, port: peer.port ?? CLUSTERMESH_PORT })),
    },
    gatewayApi: options.gatewayApi ?? false,
    gatewayApiCrds: options.gatewayApiCrds,
  };
}
