export { CILIUM_CHART, CILIUM_CRDS, type Cilium, cilium } from "./cilium.js";
export { LBIPAM_IPS, meshPeer } from "./mesh.js";
export type { CiliumOptions, ClusterMeshOptions, GatewayApiOptions, MeshPeer } from "./options.js";
