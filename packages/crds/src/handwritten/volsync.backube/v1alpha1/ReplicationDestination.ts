// Hand-written (the upstream CRD is AGPL-3.0 and is not used to generate code): only the restic restore fields
// this platform sets.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { createTypeMetaGuard, Model, type ModelData, type TypeMeta } from "@kubernetes-models/base";
import { runValidateFunc } from "@kubernetes-models/validate";
import { checkTypeMeta, createValidate } from "../../check.js";
import {
  checkRestic,
  checkTrigger,
  type ReplicationDestinationCopyMethod,
  type ReplicationTrigger,
  type ResticMoverOptions,
} from "./restic.js";

/** The restic options of a restore. */
export interface ReplicationDestinationRestic extends ResticMoverOptions {
  /** `Snapshot` keeps the restored data as a VolumeSnapshot (what a PVC's dataSourceRef can point at). */
  copyMethod: ReplicationDestinationCopyMethod;
  /** Size of the volume restored into, e.g. `"5Gi"`. */
  capacity?: string;
}

export interface ReplicationDestinationSpec {
  /** `manual: restore-once` restores once, when the object is created. */
  trigger?: ReplicationTrigger;
  restic: ReplicationDestinationRestic;
}

/** A VolSync restore with the restic mover. */
export interface IReplicationDestination extends TypeMeta {
  apiVersion: "volsync.backube/v1alpha1";
  kind: "ReplicationDestination";
  metadata: IObjectMeta;
  spec: ReplicationDestinationSpec;
}

const API_VERSION = "volsync.backube/v1alpha1";

const validateReplicationDestination = createValidate<IReplicationDestination>((data, issues) => {
  const object = checkTypeMeta(issues, data, API_VERSION, "ReplicationDestination");
  const spec = object && issues.object(object.spec, "/spec");
  if (!spec) return;
  issues.required(spec, "/spec", ["restic"]);
  checkTrigger(issues, spec.trigger, "/spec/trigger");
  checkRestic(issues, spec, ["Direct", "None", "Snapshot"], { capacity: "string" });
});

export class ReplicationDestination
  extends Model<IReplicationDestination>
  implements IReplicationDestination
{
  declare apiVersion: IReplicationDestination["apiVersion"];
  declare kind: IReplicationDestination["kind"];
  declare metadata: IObjectMeta;
  declare spec: ReplicationDestinationSpec;

  static readonly apiVersion: IReplicationDestination["apiVersion"] = API_VERSION;
  static readonly kind: IReplicationDestination["kind"] = "ReplicationDestination";
  static readonly is = createTypeMetaGuard<IReplicationDestination>(ReplicationDestination);

  constructor(data: ModelData<IReplicationDestination>) {
    super();
    this.apiVersion = ReplicationDestination.apiVersion;
    this.kind = ReplicationDestination.kind;
    this.setDefinedProps(data);
  }

  /** Checks the fields this model requires; throws a ValidationError listing every problem. */
  override validate(): void {
    runValidateFunc(validateReplicationDestination, this.toJSON());
  }
}
