import { join } from "node:path";
import { report, timed } from "./measure.ts";
const start = performance.now();
const outdir = process.argv[2] as string;
const real = await import("./real.ts");
const loaded = await timed(() => Promise.all(real.REAL_CLUSTERS.map((cluster) => real.loadReal(cluster))));
const writes: Promise<void>[] = [];
const rendered = await timed(async () => {
  for (const [i, cluster] of real.REAL_CLUSTERS.entries()) {
    const r = real.renderReal(loaded.value[i] as never, cluster);
    writes.push(real.writeReal(r, cluster, join(outdir, cluster.root)));
    await new Promise((res) => setImmediate(res));
  }
});
const written = await timed(() => Promise.all(writes));
report(start, { importAndBuildMs: loaded.ms, renderMs: rendered.ms, writeMs: written.ms });
