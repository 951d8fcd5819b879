/** @k8s-ops/bench: benchmark helpers; `pnpm bench` runs src/main.ts. */
export {
  type FleetSize,
  fleet,
  fleetApps,
  fleetCluster,
  fleetSettings,
  platform,
  tenantNamespace,
} from "./fleet.ts";
export {
  formatMiB,
  formatMs,
  markdownTable,
  ratio,
  replaceBetween,
  spread,
  type Target,
  targetLines,
  verdict,
} from "./table.ts";
