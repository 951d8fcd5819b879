// Adds up the vitest summaries of every package in a `pnpm test` log into one closing line.
import { readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";

const log = stripVTControlCharacters(readFileSync(process.argv[2], "utf8"));
const totals = { passed: 0, failed: 0, skipped: 0, packages: 0 };
for (const line of log.split("\n")) {
  const summary = /^\S*\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line.replace(/^[^:]+:test:\s*/, ""));
  if (!summary) continue;
  totals.packages += 1;
  for (const [, count, kind] of summary[1].matchAll(/(\d+) (passed|failed|skipped)/g))
    totals[kind] += Number(count);
}
console.log(`\nTest files of ${totals.packages} packages`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
