// A fresh process that synthesizes the same objects with cdk8s: one Chart per rendered folder, one ApiObject per
// object with the same JSON, `app.synth()` into a folder. `node cdk8s-child.ts <objects.json> <outdir>`.
import { readFile } from "node:fs/promises";
import { report, timed } from "./measure.ts";
import type { ObjectGroup } from "./objects.ts";

const start = performance.now();
const [input, outdir] = process.argv.slice(2);
if (!input || !outdir) throw new Error("usage: node cdk8s-child.ts <objects.json> <outdir>");
const groups = JSON.parse(await readFile(input, "utf8")) as ObjectGroup[];
const imported = await timed(() => import("cdk8s"));
const { ApiObject, App, Chart, YamlOutputType } = imported.value;
const synth = await timed(() => {
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
  groups.forEach((group, g) => {
    const chart = new Chart(app, `chart-${g}`, { disableResourceNameHashes: true });
    group.objects.forEach((object, o) => {
      new ApiObject(chart, `object-${o}`, object as never);
    });
  });
  app.synth();
});
report(start, { importMs: imported.ms, synthMs: synth.ms });
