import {
  type App,
  type Component,
  defineApp,
  type HealthCheckExpr,
  type KubeObject,
  OptionError,
  packageOf,
  type Reference,
  reference,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { Dragonfly as DragonflyObject } from "@k8s-ops/crds/dragonflydb.io/v1alpha1";
import { DRAGONFLY_PORT, dragonflyOperatorAccess } from "./access.js";
import type { DragonflyOptions, SnapshotOptions } from "./dragonfly-options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** Flux health of a Dragonfly: ready once the operator reports its phase `ready`. */
export const DRAGONFLY_HEALTH: HealthCheckExpr = {
  apiVersion: "dragonflydb.io/v1alpha1",
  kind: "Dragonfly",
  current: "has(status.phase) && status.phase == 'ready'",
};

export interface Dragonfly extends Component {
  /** The app that deploys the Dragonfly and lets the operator in to its instances; Flux waits until it is ready. */
  readonly app: App;
  readonly objects: readonly KubeObject[];
  /** The snapshot volumes' storage class, if any. */
  readonly uses: readonly Reference[];
  /** The Service clients connect to with the Redis protocol (`<name>`, the master). */
  readonly service: ServiceEndpoint;
}

/**
 * A Dragonfly (Redis-compatible in-memory store) run by the Dragonfly operator, in an app of its own, with a
 * NetworkPolicy that lets the operator in to its instances through the namespace's default deny.
 */
export function dragonfly(options: DragonflyOptions): Dragonfly {
  checkOptions(options);
  const object = new DragonflyObject({
    metadata: { name: options.name },
    spec: {
      replicas: options.replicas,
      resources: { limits: { memory: options.memory }, requests: { memory: options.memory } },
      snapshot: options.snapshots ? snapshot(options.snapshots) : undefined,
    },
  });
  const objects = [
    object,
    dragonflyOperatorAccess(options.name, options.operatorNamespace ?? "dragonfly-system"),
  ];
  const uses = options.snapshots ? [options.snapshots.storageClass] : [];
  const app = defineApp({
    name: options.name,
    namespace: options.namespace,
    layer: options.layer ?? "platform",
    folder: options.folder,
    dir: options.dir,
    objects,
    uses,
    wait: true,
    healthCheckExprs: [DRAGONFLY_HEALTH],
  });
  const service: ServiceEndpoint = {
    ...reference("Service", app, options.name, options.namespace),
    namespace: options.namespace,
    port: DRAGONFLY_PORT,
    host: `${options.name}.${options.namespace}.svc.cluster.local`,
  };
  return { name: options.name, source: SOURCE, apps: [app], app, objects, uses, service };
}

function snapshot(options: SnapshotOptions) {
  return {
    cron: options.cron,
    persistentVolumeClaimSpec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: options.size } },
      storageClassName: options.storageClass.name,
    },
  };
}

function isNamespace(value: string): boolean {
  return typeof value === "string" && value.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value);
}

const QUANTITY = /^([0-9]+(\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

function isSize(value: string): boolean {
  const match = typeof value === "string" ? QUANTITY.exec(value) : null;
  return match !== null && Number(match[1]) > 0;
}

type Fail = (field: string, message: string, expected: string, found: string) => never;

function checkOptions(o: DragonflyOptions): void {
  const fail: Fail = (field, message, expected, found) => {
    throw new OptionError({ path: `dragonfly(${o.name}): ${field}`, message, expected, found });
  };
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(o.name) || o.name.length > 52)
    fail(
      "name",
      "not a valid Dragonfly name",
      "a DNS label of at most 52 characters, such as cache",
      JSON.stringify(o.name),
    );
  if (o.operatorNamespace !== undefined && !isNamespace(o.operatorNamespace))
    fail(
      "operatorNamespace",
      "not a valid namespace name",
      "a lowercase RFC 1123 label such as dragonfly-system",
      JSON.stringify(o.operatorNamespace),
    );
  if (!Number.isInteger(o.replicas) || o.replicas < 1)
    fail("replicas", "a Dragonfly needs at least one instance", "an integer ≥ 1", String(o.replicas));
  if (!isSize(o.memory))
    fail("memory", "not a memory quantity", "a Kubernetes quantity such as 1Gi", JSON.stringify(o.memory));
  if (o.snapshots) checkSnapshots(o.snapshots, fail);
}

function checkSnapshots(snapshots: SnapshotOptions, fail: Fail): void {
  if (!isSize(snapshots.size))
    fail(
      "snapshots.size",
      "not a storage size",
      "a Kubernetes quantity such as 2Gi",
      JSON.stringify(snapshots.size),
    );
  const fields = snapshots.cron.trim().split(/\s+/);
  if (fields.length !== 5 || !fields.every((f) => /^[0-9A-Za-z*/,-]+$/.test(f)))
    fail(
      "snapshots.cron",
      "not a 5-field cron schedule",
      "minute hour day month weekday, e.g. */15 * * * *",
      JSON.stringify(snapshots.cron),
    );
}
