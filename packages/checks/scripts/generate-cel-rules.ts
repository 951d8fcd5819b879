// Generates src/generated/cel-rules.ts: the CEL validation rules of the upstream CRDs in ../shared/schemas/crds,
// by apiVersion and kind. Inputs are pinned by the commits in ../shared/schemas/SOURCES.md and by the sha256 this
// script writes into the header; the AGPL-licensed inputs (volsync, flux-operator) are never read.
// Usage: pnpm --filter @k8s-ops/checks generate [--check]   (K8S_OPS_SCHEMAS overrides the schemas folder)
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { addCrd, type CelTable, countRules, renderTable } from "../src/cel/extract.ts";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMAS = process.env.K8S_OPS_SCHEMAS ?? join(PACKAGE, "..", "..", "..", "shared", "schemas");
const OUTPUT = join(PACKAGE, "src", "generated", "cel-rules.ts");

/** Projects read, in order: for a kind defined twice, the first file wins (gateway-api: standard before experimental). */
const PROJECTS = [
  "cert-manager",
  "cloudnative-pg",
  "dragonfly-operator",
  "envoy-gateway",
  "external-dns",
  "external-secrets",
  "fluent-operator",
  "flux",
  "gateway-api",
  "keycloak",
  "plugin-barman-cloud",
  "rook",
  "strimzi",
  "victoria-metrics-operator",
];
const AGPL = new Set(["volsync", "flux-operator"]);

function inputFiles(): string[] {
  const crds = join(SCHEMAS, "crds");
  return PROJECTS.filter((p) => !AGPL.has(p)).flatMap((project) =>
    readdirSync(join(crds, project))
      .filter((file) => /\.ya?ml$/.test(file))
      .sort((a, b) => (a.startsWith("standard") ? -1 : b.startsWith("standard") ? 1 : a < b ? -1 : 1))
      .map((file) => join(crds, project, file)),
  );
}

const table: CelTable = {};
const hash = createHash("sha256");
for (const file of inputFiles()) {
  const text = readFileSync(file, "utf8");
  hash.update(`${relative(SCHEMAS, file)}\n${text}`);
  for (const doc of parseAllDocuments(text)) addCrd(table, doc.toJS());
}
const counts = countRules(table);
const output = renderTable(table, [
  "generated, do not edit: `pnpm --filter @k8s-ops/checks generate` writes it from ../shared/schemas/crds",
  `inputs: ${PROJECTS.join(", ")} (commits in ../shared/schemas/SOURCES.md); AGPL inputs excluded`,
  `inputs sha256: ${hash.digest("hex")}`,
  `${counts.kinds} kinds, ${counts.rules} rules (${counts.needsOldSelf} need oldSelf)`,
]);
if (process.argv.includes("--check")) {
  const current = readFileSync(OUTPUT, "utf8");
  if (current !== output) {
    console.error(
      `${relative(PACKAGE, OUTPUT)} differs from a fresh generation; run pnpm --filter @k8s-ops/checks generate`,
    );
    process.exit(1);
  }
  console.log(`${relative(PACKAGE, OUTPUT)} is up to date`);
} else {
  writeFileSync(OUTPUT, output);
  console.log(`wrote ${relative(PACKAGE, OUTPUT)}: ${counts.kinds} kinds, ${counts.rules} rules`);
}
