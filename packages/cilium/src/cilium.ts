import { type App, type ChartSource, type Component, defineApp, helmApp, packageOf } from "@k8s-ops/core";
import { checkOptions } from "./checks.js";
import { caExternalSecret, caValuesFrom, meshPeer } from "./mesh.js";
import { bgpObjects, l2AnnouncementPolicy, loadBalancerPool } from "./network.js";
import {
  type CiliumOptions,
  type MeshPeer,
  type ResolvedCiliumOptions,
  type ResolvedClusterMesh,
  resolveOptions,
} from "./options.js";
import { ciliumValues } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const CILIUM_CHART: ChartSource = {
  url: "oci://quay.io/cilium/charts/cilium",
  // renovate: datasource=docker depName=quay.io/cilium/charts/cilium
  tag: "1.20.1",
};

/** The CRD groups the agent registers when it starts; apps with Cilium objects depend on it through them. */
export const CILIUM_CRDS = ["cilium.io/*"];

export interface Cilium extends Component {
  /** The LoadBalancer range Cilium assigns from (LB IPAM). */
  readonly loadBalancerCidr: string;
  /** This cluster as the other clusters of the mesh list it; absent without ClusterMesh. */
  readonly meshPeer?: MeshPeer;
}

/** Cilium as the cluster's CNI, plus its configuration stage (LB pool, BGP) once the agent serves its CRDs. */
export function cilium(options: CiliumOptions): Cilium {
  const o = resolveOptions(options);
  checkOptions(o);
  const config = defineApp({
    name: "cilium-config",
    namespace: o.namespace,
    layer: "config",
    folder: "cilium",
    dir: "config",
    objects: [
      loadBalancerPool(o.settings.network.loadBalancerCidr),
      l2AnnouncementPolicy(),
      ...(o.settings.bgp ? bgpObjects(o.settings.bgp) : []),
    ],
  });
  return {
    name: "cilium",
    apps: [agentApp(o), config, ...(o.clusterMesh ? [meshCaApp(o, o.clusterMesh)] : [])],
    source: SOURCE,
    loadBalancerCidr: o.settings.network.loadBalancerCidr,
    meshPeer: o.clusterMesh && meshPeer(o.settings, o.clusterMesh.apiServerIp),
  };
}

/** The shared ClusterMesh CA, from the secret store into the Secret the release reads. */
function meshCaApp(o: ResolvedCiliumOptions, mesh: ResolvedClusterMesh): App {
  const secret = caExternalSecret(mesh);
  return defineApp({
    name: "cilium-clustermesh",
    namespace: o.namespace,
    layer: "config",
    folder: "cilium",
    dir: "clustermesh",
    objects: [secret.object],
    uses: [...secret.uses],
  });
}

/** The chart, with the shared ClusterMesh CA read from its Secret. */
function agentApp(o: ResolvedCiliumOptions): App {
  return helmApp({
    name: "cilium",
    namespace: o.namespace,
    layer: "controllers",
    chart: CILIUM_CHART,
    values: ciliumValues(o),
    valuesFrom: o.clusterMesh ? caValuesFrom() : [],
    uses: o.gatewayApiCrds ? [o.gatewayApiCrds] : [],
    // Removing the CNI from git must never delete it from the cluster.
    prune: false,
    // The agent registers the cilium.io CRDs at start-up; wait so the config stage finds them.
    crds: CILIUM_CRDS,
    wait: true,
  });
}
