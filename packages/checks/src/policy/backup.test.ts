import { describe, expect, it } from "vitest";
import { lines, POLICY_CONTEXT, treeObject } from "../test-support.js";
import { dataClassDeclared } from "./data-class-rule.js";
import { volumesBackedUp } from "./volsync.js";

function pvc(name: string, annotations: Record<string, string>) {
  return treeObject({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name, namespace: "shop", annotations },
  });
}

function source(pvcName: string, schedule: string | undefined, retain?: Record<string, unknown>) {
  return treeObject({
    apiVersion: "volsync.backube/v1alpha1",
    kind: "ReplicationSource",
    metadata: { name: `${pvcName}-backup`, namespace: "shop" },
    spec: {
      sourcePVC: pvcName,
      ...(schedule ? { trigger: { schedule } } : {}),
      restic: { repository: "r", ...(retain ? { retain } : {}) },
    },
  });
}

const regulated = { "k8s-ops.dev/data-class": "regulated", "k8s-ops.dev/rpo": "24h" };
const YEAR = { daily: 7, monthly: 12 };

describe("dataClassDeclared", () => {
  it("reports data without a class, a class without an RPO, and an RPO the class does not allow", () => {
    // GIVEN
    const objects = [
      pvc("a", {}),
      pvc("b", { "k8s-ops.dev/data-class": "business" }),
      pvc("c", { "k8s-ops.dev/data-class": "regulated", "k8s-ops.dev/rpo": "3d" }),
      pvc("d", { "k8s-ops.dev/data-class": "ephemeral" }),
    ];
    // WHEN
    const findings = dataClassDeclared(objects, POLICY_CONTEXT);
    // THEN
    expect(lines(findings)).toEqual([
      "DATA_CLASS test › default/app › PersistentVolumeClaim shop/a: metadata.annotations.k8s-ops.dev/data-class: PVC shop/a does not declare a data class",
      "DATA_CLASS test › default/app › PersistentVolumeClaim shop/b: metadata.annotations.k8s-ops.dev/rpo: PVC shop/b (business) does not declare an RPO",
      "DATA_CLASS test › default/app › PersistentVolumeClaim shop/c: metadata.annotations.k8s-ops.dev/rpo: PVC shop/c declares an RPO its class does not allow",
    ]);
    expect(findings[2]?.expected).toBe("at most 1d for regulated data");
  });

  it("reads the PVCs a HelmRelease declares for its chart", () => {
    const release = treeObject({
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      metadata: {
        name: "odoo",
        namespace: "shop",
        annotations: { "k8s-ops.dev/pvcs": "odoo-data, odoo-files" },
      },
    });
    expect(lines(dataClassDeclared([release], POLICY_CONTEXT))).toEqual([
      "DATA_CLASS test › default/app › HelmRelease shop/odoo: metadata.annotations.k8s-ops.dev/data-class: PVC shop/odoo-data does not declare a data class",
      "DATA_CLASS test › default/app › HelmRelease shop/odoo: metadata.annotations.k8s-ops.dev/data-class: PVC shop/odoo-files does not declare a data class",
    ]);
  });
});

describe("volumesBackedUp", () => {
  it("accepts a daily backup kept a year for regulated data with a 24h RPO", () => {
    expect(
      volumesBackedUp([pvc("data", regulated), source("data", "0 3 * * *", YEAR)], POLICY_CONTEXT),
    ).toEqual([]);
  });

  it("does not ask for backups of ephemeral data", () => {
    expect(
      volumesBackedUp([pvc("cache", { "k8s-ops.dev/data-class": "ephemeral" })], POLICY_CONTEXT),
    ).toEqual([]);
  });

  it("reports regulated data nobody backs up", () => {
    const findings = volumesBackedUp([pvc("data", regulated)], POLICY_CONTEXT);
    expect(lines(findings)).toEqual([
      "BACKUP_MISSING test › default/app › PersistentVolumeClaim shop/data: metadata.annotations: PVC shop/data (regulated) is not backed up",
    ]);
    expect(findings[0]?.expected).toBe("a ReplicationSource in shop with spec.sourcePVC: data");
  });

  it("reports a schedule whose worst gap exceeds the RPO", () => {
    // GIVEN weekday-only backups: Friday to Monday is three days
    const findings = volumesBackedUp(
      [pvc("data", regulated), source("data", "0 3 * * 1-5", YEAR)],
      POLICY_CONTEXT,
    );
    expect(lines(findings)).toEqual([
      "BACKUP_RPO test › default/app › ReplicationSource shop/data-backup: spec.trigger.schedule: backups of shop/data can be 3d apart, more than its RPO",
    ]);
    expect(findings[0]?.found).toBe("0 3 * * 1-5 (worst case 3d)");
  });

  it("reports a schedule it cannot read, and a missing one", () => {
    expect(
      lines(volumesBackedUp([pvc("data", regulated), source("data", "0 3 L * *")], POLICY_CONTEXT)),
    ).toEqual([
      'CRON_INVALID test › default/app › ReplicationSource shop/data-backup: spec.trigger.schedule: "L" in the day of month field uses L, W, # or H, which are not supported',
    ]);
    expect(
      lines(volumesBackedUp([pvc("data", regulated), source("data", undefined)], POLICY_CONTEXT)),
    ).toEqual([
      "BACKUP_RPO test › default/app › ReplicationSource shop/data-backup: spec.trigger.schedule: the backup of shop/data has no schedule",
    ]);
  });

  it("reports regulated data kept a month where the class asks for a year", () => {
    const findings = volumesBackedUp(
      [pvc("data", regulated), source("data", "0 3 * * *", { daily: 7, weekly: 4 })],
      POLICY_CONTEXT,
    );
    expect(lines(findings)).toEqual([
      "BACKUP_RETENTION test › default/app › ReplicationSource shop/data-backup: spec.restic.retain: backups of shop/data are kept 28 days",
    ]);
    expect(findings[0]?.expected).toBe("at least 365 days for regulated data");
  });
});
