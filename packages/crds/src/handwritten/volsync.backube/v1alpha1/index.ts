export type { PodSecurityContext } from "../../kube.js";
export {
  type IReplicationDestination,
  ReplicationDestination,
  type ReplicationDestinationRestic,
  type ReplicationDestinationSpec,
} from "./ReplicationDestination.js";
export {
  type IReplicationSource,
  ReplicationSource,
  type ReplicationSourceRestic,
  type ReplicationSourceSpec,
} from "./ReplicationSource.js";
export type {
  ReplicationDestinationCopyMethod,
  ReplicationSourceCopyMethod,
  ReplicationTrigger,
  ResticMoverOptions,
  ResticRetainPolicy,
} from "./restic.js";
