// A fresh process that serializes the same objects with `yaml` alone: the floor of any renderer.
// `node yaml-child.ts <objects.json>`.
import { readFile } from "node:fs/promises";
import { report, timed } from "./measure.ts";
import type { ObjectGroup } from "./objects.ts";

const start = performance.now();
const input = process.argv[2];
if (!input) throw new Error("usage: node yaml-child.ts <objects.json>");
const groups = JSON.parse(await readFile(input, "utf8")) as ObjectGroup[];
const imported = await timed(() => import("yaml"));
const { stringify } = imported.value;
const serialized = await timed(() =>
  groups.map((group) =>
    group.objects.map((object) => `---\n${stringify(object, { lineWidth: 0 })}`).join(""),
  ),
);
report(start, {
  importMs: imported.ms,
  serializeMs: serialized.ms,
  bytes: serialized.value.reduce((sum, text) => sum + text.length, 0),
});
