import type { PolicyRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { ANNOTATIONS, classRules, DATA_CLASSES, type DataUnit, dataUnits, rpoSeconds } from "./data-class.js";
import { formatDuration } from "./duration.js";

/** Every PVC and database declares a data class, and an RPO the class allows unless it is ephemeral. */
export const dataClassDeclared: PolicyRule = (objects, context) =>
  dataUnits(objects).flatMap((unit): CheckFinding[] => {
    const at = (annotation: string) => context.pathOf(unit.declaredBy, `metadata.annotations.${annotation}`);
    const rules = classRules(unit.dataClass);
    const what = `${unit.kind === "pvc" ? "PVC" : "database"} ${unit.namespace}/${unit.name}`;
    if (!rules) {
      return [
        finding("DATA_CLASS", at(ANNOTATIONS.dataClass), `${what} does not declare a data class`, {
          expected: `one of ${Object.keys(DATA_CLASSES).join(", ")}`,
          found: unit.dataClass === undefined ? "no annotation" : JSON.stringify(unit.dataClass),
        }),
      ];
    }
    if (!rules.backup) return [];
    const rpo = rpoSeconds(unit);
    if (rpo === undefined) {
      return [
        finding("DATA_CLASS", at(ANNOTATIONS.rpo), `${what} (${unit.dataClass}) does not declare an RPO`, {
          expected: "a duration such as 24h or 15m",
          found: unit.rpo === undefined ? "no annotation" : JSON.stringify(unit.rpo),
        }),
      ];
    }
    if (rules.maxRpo !== undefined && rpo > rules.maxRpo) {
      return [
        finding("DATA_CLASS", at(ANNOTATIONS.rpo), `${what} declares an RPO its class does not allow`, {
          expected: `at most ${formatDuration(rules.maxRpo)} for ${unit.dataClass} data`,
          found: unit.rpo ?? "",
        }),
      ];
    }
    return [];
  });

/** Data whose class requires backups, with a usable RPO: what the backup rules check. */
export function backedUpUnits(
  units: readonly DataUnit[],
  kind: DataUnit["kind"],
): { unit: DataUnit; rpo: number; minRetentionDays: number }[] {
  return units.flatMap((unit) => {
    const rules = classRules(unit.dataClass);
    const rpo = rpoSeconds(unit);
    if (unit.kind !== kind || !rules?.backup || rpo === undefined) return [];
    return [{ unit, rpo, minRetentionDays: rules.minRetentionDays ?? 0 }];
  });
}
