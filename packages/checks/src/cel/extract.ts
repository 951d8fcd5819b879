/**
 * Extraction of CRD validation rules (`x-kubernetes-validations`) into the table `k8s-ops check` evaluates.
 * Self-contained (no imports), so the generator script runs it with Node directly.
 */

/** One CEL rule of a CRD, at the schema node that carries it. */
export interface CelRule {
  /** JSON path of the schema node: `spec.listeners[*].tls`; `[*]` list items, `{*}` map values, "" the root. */
  readonly path: string;
  readonly rule: string;
  readonly message: string;
  /** Transition rules compare with the previous object; they cannot be evaluated before it exists. */
  readonly needsOldSelf: boolean;
}

/** apiVersion → kind → rules. */
export type CelTable = Record<string, Record<string, CelRule[]>>;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Adds the rules of one CRD document to the table; a kind already in it (an earlier file) is kept. */
export function addCrd(table: CelTable, crd: unknown): void {
  if (!isNode(crd) || crd.kind !== "CustomResourceDefinition" || !isNode(crd.spec)) return;
  const { group, names, versions } = crd.spec;
  if (
    typeof group !== "string" ||
    !isNode(names) ||
    typeof names.kind !== "string" ||
    !Array.isArray(versions)
  )
    return;
  for (const version of versions.filter(isNode)) {
    if (version.served === false || typeof version.name !== "string") continue;
    const apiVersion = `${group}/${version.name}`;
    const byKind = table[apiVersion] ?? {};
    if (byKind[names.kind]) continue;
    const rules: CelRule[] = [];
    walk(isNode(version.schema) ? version.schema.openAPIV3Schema : undefined, "", rules);
    if (rules.length === 0) continue;
    byKind[names.kind] = rules;
    table[apiVersion] = byKind;
  }
}

function walk(node: unknown, path: string, rules: CelRule[]): void {
  if (!isNode(node)) return;
  const validations = Array.isArray(node["x-kubernetes-validations"])
    ? node["x-kubernetes-validations"].filter(isNode)
    : [];
  for (const validation of validations) {
    if (typeof validation.rule !== "string") continue;
    const rule = validation.rule.trim();
    rules.push({ path, rule, message: messageOf(validation, rule), needsOldSelf: /\boldSelf\b/.test(rule) });
  }
  if (isNode(node.properties)) {
    for (const key of Object.keys(node.properties).sort())
      walk(node.properties[key], path ? `${path}.${key}` : key, rules);
  }
  if (node.items) walk(node.items, `${path}[*]`, rules);
  if (isNode(node.additionalProperties)) walk(node.additionalProperties, `${path}{*}`, rules);
}

function messageOf(validation: Node, rule: string): string {
  if (typeof validation.message === "string" && validation.message.trim() !== "")
    return validation.message.trim();
  if (typeof validation.messageExpression === "string")
    return `(messageExpression) ${validation.messageExpression.trim()}`;
  return `failed rule: ${rule}`;
}

/** The table as a TypeScript module: sorted, one rule per line, the same bytes for the same inputs. */
export function renderTable(table: CelTable, header: readonly string[]): string {
  const lines = [
    ...header.map((line) => `// ${line}`),
    'import type { CelTable } from "../cel/extract.js";',
    "",
    "export const CEL_RULES: CelTable = {",
  ];
  for (const apiVersion of Object.keys(table).sort()) {
    lines.push(`  ${JSON.stringify(apiVersion)}: {`);
    const byKind = table[apiVersion] ?? {};
    for (const kind of Object.keys(byKind).sort()) {
      lines.push(`    ${JSON.stringify(kind)}: [`);
      for (const rule of byKind[kind] ?? []) lines.push(`      ${JSON.stringify(rule)},`);
      lines.push("    ],");
    }
    lines.push("  },");
  }
  lines.push("};", "");
  return lines.join("\n");
}

/** Counts of a table, for the header and for reports. */
export function countRules(table: CelTable): { kinds: number; rules: number; needsOldSelf: number } {
  const all = Object.values(table).flatMap((byKind) => Object.values(byKind).flat());
  const kinds = Object.values(table).reduce((sum, byKind) => sum + Object.keys(byKind).length, 0);
  return { kinds, rules: all.length, needsOldSelf: all.filter((r) => r.needsOldSelf).length };
}
