export { CEPH_PORTS, RGW_EGRESS, WORLD_HTTPS } from "./allows.js";
export { INFRA_HUB } from "./hub.js";
export { type PlatformOptions, platform } from "./layers.js";
export { coveringCidr, MESH_API_SERVER, MESH_CA_ITEM, MESH_NATIVE_ROUTING_CIDR, meshOf } from "./mesh.js";
export { GIT_REPOSITORY } from "./repository.js";
export { APPS, CLUSTERS, type ClusterName, DOMAIN, INFRA } from "./settings.js";
export {
  INFRA_ROOK,
  INFRA_S3_HOSTNAME,
  POSTGRES_BACKUP_BUCKET,
  POSTGRES_BACKUP_ITEM,
  postgresBackup,
} from "./storage.js";
