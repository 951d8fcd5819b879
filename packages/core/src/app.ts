import type { Layer } from "./layers.js";
import type { KubeObject } from "./object.js";
import type { PackageSource } from "./provenance.js";
import type { AppId, AppRef, Reference } from "./refs.js";

/** A Flux health check on one object the app renders. */
export interface HealthCheck {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** A CEL health check for a kind Flux does not know how to assess (ClusterIssuer, CephCluster, …). */
export interface HealthCheckExpr {
  readonly apiVersion: string;
  readonly kind: string;
  readonly current: string;
  readonly failed?: string;
  readonly inProgress?: string;
}

/** A kind by its API version, as a chart renders it: `{ apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor" }`. */
export interface ChartKind {
  readonly apiVersion: string;
  readonly kind: string;
}

/** The Prometheus-operator kinds charts render when their monitoring is on. */
export const SERVICE_MONITOR: ChartKind = { apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor" };
export const POD_MONITOR: ChartKind = { apiVersion: "monitoring.coreos.com/v1", kind: "PodMonitor" };

export interface AppOptions {
  /** Name of the Flux Kustomization. */
  readonly name: string;
  /** Namespace the app's objects go to (the Kustomization's targetNamespace). */
  readonly namespace: string;
  /** Where the app comes in the cluster's bring-up order. */
  readonly layer: Layer;
  /** Folder under `apps/<namespace>/` whose `ks.yaml` holds this app; apps sharing a folder are stages. @default name */
  readonly folder?: string;
  /** Sub-folder of `folder` that holds the manifests. @default "app" */
  readonly dir?: string;
  /** The objects the app deploys. */
  readonly objects: readonly KubeObject[];
  /** What the app uses from other apps; each adds a derived `dependsOn`. @default [] */
  readonly uses?: readonly Reference[];
  /** CRDs this app installs, as `group/Kind` or `group/*`; apps whose objects use them depend on it. @default [] */
  readonly crds?: readonly string[];
  /**
   * Kinds of custom resources the app's chart renders itself, which its objects do not show (a ServiceMonitor once
   * the chart's monitoring is on): the app depends on the app installing their CRD, as if it rendered them.
   * @default []
   */
  readonly chartKinds?: readonly ChartKind[];
  /** Wait for every object to be ready before dependents start. @default false */
  readonly wait?: boolean;
  /** Delete objects removed from git. @default true, false in the `crds` layer */
  readonly prune?: boolean;
  /** How long Flux waits for apply and health checks. @default Flux's default (the interval) */
  readonly timeout?: string;
  /** @default [] */
  readonly healthChecks?: readonly HealthCheck[];
  /** @default [] */
  readonly healthCheckExprs?: readonly HealthCheckExpr[];
  /** Variables Flux substitutes in this app only (`postBuild.substitute`). @default {} */
  readonly substitute?: Readonly<Record<string, string>>;
  /** Hand-written files in the app folder to list in its kustomization.yaml (e.g. `secret.sops.yaml`). @default [] */
  readonly files?: readonly string[];
  /**
   * Labels the app needs on its namespace (e.g. `pod-security.kubernetes.io/enforce: privileged`); merged with
   * those of the other apps there. @default {}
   */
  readonly namespaceLabels?: Readonly<Record<string, string>>;
  /**
   * Kustomize components Flux adds to this app (`spec.components`), rendered once under `components/<name>/`;
   * parameterised by the app's `substitute` variables. @default []
   */
  readonly components?: readonly KustomizeComponent[];
}

/** One Flux Kustomization and the folder it applies: the unit dependsOn, layers and validation speak of. */
export interface App extends AppId {
  readonly layer: Layer;
  readonly folder: string;
  readonly dir: string;
  readonly objects: readonly KubeObject[];
  readonly uses: readonly Reference[];
  readonly crds: readonly string[];
  readonly chartKinds: readonly ChartKind[];
  readonly wait: boolean;
  readonly prune: boolean;
  readonly timeout?: string;
  readonly healthChecks: readonly HealthCheck[];
  readonly healthCheckExprs: readonly HealthCheckExpr[];
  readonly substitute: Readonly<Record<string, string>>;
  readonly files: readonly string[];
  readonly namespaceLabels: Readonly<Record<string, string>>;
  readonly components: readonly KustomizeComponent[];
}

export function defineApp(options: AppOptions): App {
  return {
    name: options.name,
    namespace: options.namespace,
    layer: options.layer,
    folder: options.folder ?? options.name,
    dir: options.dir ?? "app",
    objects: options.objects,
    uses: options.uses ?? [],
    crds: options.crds ?? [],
    chartKinds: options.chartKinds ?? [],
    wait: options.wait ?? false,
    prune: options.prune ?? options.layer !== "crds",
    timeout: options.timeout,
    healthChecks: options.healthChecks ?? [],
    healthCheckExprs: options.healthCheckExprs ?? [],
    substitute: options.substitute ?? {},
    files: options.files ?? [],
    namespaceLabels: options.namespaceLabels ?? {},
    components: options.components ?? [],
  };
}

/** A reference to a whole app, for a dependency no narrower reference describes. */
export function appRef(app: AppId): AppRef {
  return {
    type: "App",
    name: app.name,
    namespace: app.namespace,
    provider: { name: app.name, namespace: app.namespace },
  };
}

/** A kustomize Component (`kind: Component`): objects rendered once under `components/<name>/`. */
export interface KustomizeComponent {
  readonly name: string;
  readonly objects: readonly KubeObject[];
}

/**
 * Objects every namespace of the cluster gets (baseline network policies, Flux alerts, …), rendered once as a
 * kustomize Component under `components/<name>/` that each namespace's kustomization.yaml includes. They are applied
 * with the namespaces, before any app, so their kinds must be served before Flux starts (built in or bootstrapped).
 */
export type NamespaceComponent = KustomizeComponent;

/** What a component package returns: its apps, plus whatever it exports for others to reference. */
export interface Component {
  readonly name: string;
  readonly apps: readonly App[];
  /** The package that builds the component (`packageOf(import.meta.url)`): every object it renders names it. */
  readonly source?: PackageSource;
  /** @default [] */
  readonly namespaceComponents?: readonly NamespaceComponent[];
}
