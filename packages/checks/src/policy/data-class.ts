import { at, isObject } from "../tree/documents.js";
import type { TreeObject } from "../tree/model.js";
import { parseDuration } from "./duration.js";

/** Annotations an app puts on its data (a PVC, a CloudNativePG Cluster, or the HelmRelease whose chart makes PVCs). */
export const ANNOTATIONS = {
  /** `regulated`, `business` or `ephemeral`. */
  dataClass: "k8s-ops.dev/data-class",
  /** The most data the app may lose, as a duration: `24h`, `1h`, `15m`. */
  rpo: "k8s-ops.dev/rpo",
  /** On a HelmRelease: the PVCs its chart creates, comma-separated, which the annotations above then describe. */
  pvcs: "k8s-ops.dev/pvcs",
} as const;

export type DataClass = "regulated" | "business" | "ephemeral";

/** What each class requires. */
export interface ClassRules {
  readonly backup: boolean;
  /** Longest RPO the class allows, in seconds. */
  readonly maxRpo?: number;
  /** Shortest history backups must keep, in days. */
  readonly minRetentionDays?: number;
}

export const DATA_CLASSES: Readonly<Record<DataClass, ClassRules>> = {
  regulated: { backup: true, maxRpo: 24 * 3600, minRetentionDays: 365 },
  business: { backup: true, maxRpo: 7 * 24 * 3600, minRetentionDays: 30 },
  ephemeral: { backup: false },
};

/** Data that must be described: what holds it, where to report, and what its annotations declare. */
export interface DataUnit {
  /** PVC name, or CloudNativePG Cluster name. */
  readonly name: string;
  readonly namespace: string;
  readonly kind: "pvc" | "database";
  /** The object carrying the annotations. */
  readonly declaredBy: TreeObject;
  readonly dataClass?: string;
  readonly rpo?: string;
}

/** Every PVC, every CloudNativePG Cluster, and each PVC a HelmRelease names in k8s-ops.dev/pvcs. */
export function dataUnits(objects: readonly TreeObject[]): DataUnit[] {
  const units: DataUnit[] = [];
  for (const object of objects) {
    const annotations = at(object.json, "metadata.annotations");
    const declared = isObject(annotations) ? annotations : {};
    const base = {
      namespace: object.namespace ?? "",
      declaredBy: object,
      dataClass: str(declared[ANNOTATIONS.dataClass]),
      rpo: str(declared[ANNOTATIONS.rpo]),
    };
    if (object.kind === "PersistentVolumeClaim") units.push({ ...base, name: object.name, kind: "pvc" });
    if (object.kind === "Cluster" && object.apiVersion === "postgresql.cnpg.io/v1")
      units.push({ ...base, name: object.name, kind: "database" });
    const pvcs = str(declared[ANNOTATIONS.pvcs]);
    if (object.kind === "HelmRelease" && pvcs) {
      for (const name of pvcs
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean))
        units.push({ ...base, name, kind: "pvc" });
    }
  }
  return units;
}

export function classRules(dataClass: string | undefined): ClassRules | undefined {
  return dataClass !== undefined && Object.hasOwn(DATA_CLASSES, dataClass)
    ? DATA_CLASSES[dataClass as DataClass]
    : undefined;
}

export function rpoSeconds(unit: DataUnit): number | undefined {
  return unit.rpo === undefined ? undefined : parseDuration(unit.rpo);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
