// A fresh process that loads, builds, validates, serializes and writes both real clusters:
// `node cold-child.ts <outdir>`; reports the phases and its own CPU time and peak RSS as JSON.
import { join } from "node:path";
import { report, timed } from "./measure.ts";

const start = performance.now();
const outdir = process.argv[2];
if (!outdir) throw new Error("usage: node cold-child.ts <outdir>");
const core = await timed(() => import("@k8s-ops/core"));
const real = await import("./real.ts");
const loaded = await timed(() => Promise.all(real.REAL_CLUSTERS.map((cluster) => real.loadReal(cluster))));
const rendered = await timed(() =>
  real.REAL_CLUSTERS.map((cluster, i) => real.renderReal(loaded.value[i] as never, cluster)),
);
const written = await timed(() =>
  Promise.all(
    real.REAL_CLUSTERS.map((cluster, i) =>
      real.writeReal(rendered.value[i] as never, cluster, join(outdir, cluster.root)),
    ),
  ),
);
report(start, {
  importCoreMs: core.ms,
  importAndBuildMs: loaded.ms,
  renderMs: rendered.ms,
  writeMs: written.ms,
  apps: rendered.value.reduce((sum, r) => sum + r.apps, 0),
  objects: rendered.value.reduce((sum, r) => sum + r.objects, 0),
  files: rendered.value.reduce((sum, r) => sum + r.files.size, 0),
});
