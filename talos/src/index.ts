export { BOND, CRI_CUSTOMIZATION, installerImage, KUBEPRISM_PORT } from "./cluster-patch.js";
export { APPS_INVENTORY, cephNodes, INFRA_INVENTORY, NODE_GATEWAY } from "./inventory.js";
export { LOCAL_VOLUME, OPENEBS_HOSTPATH } from "./node-patch.js";
export {
  DEFAULT_SCHEMATIC,
  type InstallDisk,
  type LocalDisk,
  type TalosInventory,
  type TalosMachine,
  type TalosOptions,
} from "./options.js";
export { inventoryNodes, talosCommands, talosFiles, talosSchemaUrl } from "./talos.js";
export type {
  BondConfig,
  ClusterConfig,
  HostnameConfig,
  Layer2VIPConfig,
  LinkAliasConfig,
  MachineConfig,
  PatchDelete,
  ResolverConfig,
  TalosDocument,
  UserVolumeConfig,
  V1Alpha1Config,
} from "./types.js";
