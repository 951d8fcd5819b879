// Hand-written (the upstream CRD is AGPL-3.0 and is not used to generate code): only the restic backup fields
// this platform sets.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { createTypeMetaGuard, Model, type ModelData, type TypeMeta } from "@kubernetes-models/base";
import { runValidateFunc } from "@kubernetes-models/validate";
import { checkTypeMeta, createValidate } from "../../check.js";
import {
  checkRestic,
  checkTrigger,
  type ReplicationSourceCopyMethod,
  type ReplicationTrigger,
  type ResticMoverOptions,
  type ResticRetainPolicy,
} from "./restic.js";

/** The restic options of a backup. */
export interface ReplicationSourceRestic extends ResticMoverOptions {
  /** How the mover reads the source volume; `Snapshot` backs up a VolumeSnapshot of it. */
  copyMethod: ReplicationSourceCopyMethod;
  /** Run `restic prune` every this many days. */
  pruneIntervalDays?: number;
  /** Which snapshots `restic forget` keeps. */
  retain?: ResticRetainPolicy;
}

export interface ReplicationSourceSpec {
  /** The PersistentVolumeClaim to back up (same namespace). */
  sourcePVC: string;
  trigger?: ReplicationTrigger;
  restic: ReplicationSourceRestic;
}

/** A VolSync backup of one PersistentVolumeClaim with the restic mover. */
export interface IReplicationSource extends TypeMeta {
  apiVersion: "volsync.backube/v1alpha1";
  kind: "ReplicationSource";
  metadata: IObjectMeta;
  spec: ReplicationSourceSpec;
}

const API_VERSION = "volsync.backube/v1alpha1";

const validateReplicationSource = createValidate<IReplicationSource>((data, issues) => {
  const object = checkTypeMeta(issues, data, API_VERSION, "ReplicationSource");
  const spec = object && issues.object(object.spec, "/spec");
  if (!spec) return;
  issues.required(spec, "/spec", ["sourcePVC", "restic"]);
  issues.fields(spec, "/spec", { sourcePVC: "string" });
  checkTrigger(issues, spec.trigger, "/spec/trigger");
  const restic = checkRestic(issues, spec, ["Direct", "None", "Clone", "Snapshot"], {
    pruneIntervalDays: "integer",
    retain: "object",
  });
  issues.minimum(restic?.pruneIntervalDays, "/spec/restic/pruneIntervalDays", 1);
  const retain = restic && issues.object(restic.retain, "/spec/restic/retain");
  if (!retain) return;
  issues.fields(retain, "/spec/restic/retain", {
    hourly: "integer",
    daily: "integer",
    weekly: "integer",
    monthly: "integer",
    yearly: "integer",
    within: "string",
  });
});

export class ReplicationSource extends Model<IReplicationSource> implements IReplicationSource {
  declare apiVersion: IReplicationSource["apiVersion"];
  declare kind: IReplicationSource["kind"];
  declare metadata: IObjectMeta;
  declare spec: ReplicationSourceSpec;

  static readonly apiVersion: IReplicationSource["apiVersion"] = API_VERSION;
  static readonly kind: IReplicationSource["kind"] = "ReplicationSource";
  static readonly is = createTypeMetaGuard<IReplicationSource>(ReplicationSource);

  constructor(data: ModelData<IReplicationSource>) {
    super();
    this.apiVersion = ReplicationSource.apiVersion;
    this.kind = ReplicationSource.kind;
    this.setDefinedProps(data);
  }

  /** Checks the fields this model requires; throws a ValidationError listing every problem. */
  override validate(): void {
    runValidateFunc(validateReplicationSource, this.toJSON());
  }
}
