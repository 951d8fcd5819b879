// A fresh process that builds and renders one fleet size: `node fleet-child.ts <clusters> <appsPerCluster>`.
import { renderCluster } from "@k8s-ops/core";
import { fleet, fleetApps, fleetCluster } from "./fleet.ts";
import { median, selfSample, timed } from "./measure.ts";

const start = performance.now();
const [clusters = 1, appsPerCluster = 100] = process.argv.slice(2).map(Number);
// One-time costs (JIT, lazily compiled schema validators) are paid by a warm-up cluster, outside the figures.
const warmUp = fleetCluster(255, 100);
renderCluster(warmUp, { root: "clusters/warm-up" });
const warmUpMs = performance.now() - start;
const cpuBefore = process.cpuUsage();
const threadBefore = process.threadCpuUsage();
const built = await timed(() => fleet({ clusters, appsPerCluster }));
const rendered = await timed(() =>
  built.value.map((cluster) => renderCluster(cluster, { root: `clusters/${cluster.settings.name}` })),
);
const work = process.cpuUsage(cpuBefore);
const thread = process.threadCpuUsage(threadBefore);
// The process's figures are taken here, before the repeats below could add to them.
const sample = selfSample(start);
const apps = fleetApps(built.value);
const perApp = [(thread.user + thread.system) / 1000 / apps];
// Steady state: small sizes are rendered again until ~2,000 apps have been measured; the median per-app CPU counts.
for (let rep = 1; rep < Math.ceil(2000 / apps); rep += 1) {
  const again = await timed(() =>
    fleet({ clusters, appsPerCluster }).map((c) => renderCluster(c, { root: `clusters/${c.settings.name}` })),
  );
  perApp.push(again.cpuMs / apps);
}
const findings = rendered.value.reduce((sum, r) => sum + r.findings.length, 0);
if (findings > 0) throw new Error(`the synthetic fleet has ${findings} findings`);
const figures = {
  clusters,
  appsPerCluster,
  apps,
  objects: rendered.value.reduce((sum, r) => sum + r.objects, 0),
  files: rendered.value.reduce((sum, r) => sum + r.files.size, 0),
  buildMs: built.ms,
  renderMs: rendered.ms,
  workCpuMs: (thread.user + thread.system) / 1000,
  workProcessCpuMs: (work.user + work.system) / 1000,
  warmUpMs,
  passes: perApp.length,
  cpuPerAppMs: median(perApp),
};
console.log(JSON.stringify({ ...figures, ...sample }));
