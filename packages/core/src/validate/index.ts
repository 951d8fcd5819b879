import type { App, NamespaceComponent } from "../app.js";
import type { Finding } from "../errors.js";
import { unresolvedChartRef } from "../flux.js";
import { apiGroup, describeObject, type KubeObject, objectName } from "../object.js";
import { appPath, objectPath } from "../paths.js";
import { labelFinding, releaseNameFinding, subdomainFinding } from "./names.js";
import { namespaceLabelFindings } from "./namespace-labels.js";
import { schemaFindings } from "./schema.js";
import { isClusterScoped } from "./scope.js";
import { valuesFromFindings } from "./values-from.js";
import { SUBSTITUTE_DISABLED, substitute, substituted, variableFindings } from "./variables.js";

export interface ValidationContext {
  readonly cluster: string;
  readonly apps: readonly App[];
  /** Variables every app may use: the cluster settings and the names of the cluster secrets. */
  readonly variables: ReadonlySet<string>;
  /** What Flux will substitute, for checking objects as the cluster receives them. @default {} */
  readonly values?: Readonly<Record<string, string>>;
}

/** Runs every per-object and cross-object rule; returns all findings, never throws. */
export function validateApps(context: ValidationContext): Finding[] {
  return [
    ...context.apps.flatMap((app) => appFindings(context, app)),
    ...namespaceFindings(context),
    ...duplicateFindings(context),
    ...chartSourceFindings(context),
    ...valuesFromFindings(context.cluster, context.apps),
    ...namespaceLabelFindings(context.cluster, context.apps),
  ];
}

function appFindings(context: ValidationContext, app: App): Finding[] {
  const path = appPath(context.cluster, app);
  const defined = new Set([...context.variables, ...Object.keys(app.substitute)]);
  const findings = [
    labelFinding(`${path}: namespace`, app.namespace),
    labelFinding(`${path}: name`, app.name),
  ];
  for (const object of app.objects) {
    const at = objectPath(context.cluster, app, object);
    findings.push(subdomainFinding(`${at}: metadata.name`, objectName(object)));
    findings.push(...schemaFindings(at, substituted(object, { ...context.values, ...app.substitute })));
    if (object.kind === "HelmRelease") findings.push(releaseNameFinding(at, releaseName(object)));
    if (object.metadata?.annotations?.[SUBSTITUTE_DISABLED] !== "disabled") {
      findings.push(...variableFindings(at, object.toJSON(), defined));
    }
  }
  return findings.filter((finding): finding is Finding => finding !== undefined);
}

/** Objects every namespace gets: checked against their schemas and for valid names. */
export function validateNamespaceComponents(
  cluster: string,
  components: readonly NamespaceComponent[],
): Finding[] {
  return components.flatMap((component) =>
    component.objects.flatMap((object) => {
      const at = `${cluster} › components/${component.name} › ${describeObject(object)}`;
      const name = subdomainFinding(`${at}: metadata.name`, objectName(object));
      return [...(name ? [name] : []), ...schemaFindings(at, object)];
    }),
  );
}

/** Components apps add: checked against their schemas once (names depend on each app, see validateAppComponents). */
export function validateComponentSchemas(
  cluster: string,
  components: readonly NamespaceComponent[],
): Finding[] {
  return components.flatMap((component) =>
    component.objects.flatMap((object) =>
      schemaFindings(`${cluster} › components/${component.name} › ${describeObject(object)}`, object),
    ),
  );
}

/**
 * Components an app adds are parameterised by its variables: each object must have every variable it uses defined
 * for that app, and a valid name once Flux substitutes them.
 */
export function validateAppComponents(
  context: ValidationContext,
  values: Readonly<Record<string, string>>,
): Finding[] {
  return context.apps.flatMap((app) =>
    app.components.flatMap((component) =>
      component.objects.flatMap((object) => {
        const at = `${appPath(context.cluster, app)} › components/${component.name} › ${describeObject(object)}`;
        const defined = new Set([...context.variables, ...Object.keys(app.substitute)]);
        const name = substitute(objectName(object), { ...values, ...app.substitute });
        const invalid = subdomainFinding(`${at}: metadata.name`, name);
        return [...(invalid ? [invalid] : []), ...variableFindings(at, object.toJSON(), defined)];
      }),
    ),
  );
}

/** Flux names a release `spec.releaseName`, else `[spec.targetNamespace-]name` of the HelmRelease itself. */
function releaseName(object: KubeObject): string {
  const spec = (object.toJSON() as { spec?: { releaseName?: string; targetNamespace?: string } }).spec;
  const name = objectName(object);
  return spec?.releaseName ?? (spec?.targetNamespace ? `${spec.targetNamespace}-${name}` : name);
}

/** Identity of an object once Flux applied it: group, kind, namespace (unless cluster-scoped), name. */
function identity(app: App, object: KubeObject): string {
  const namespace = isClusterScoped(object.kind) ? "" : (object.metadata?.namespace ?? app.namespace);
  return `${apiGroup(object.apiVersion)}/${object.kind}/${namespace}/${objectName(object)}`;
}

/** k8s-ops renders every app namespace itself (apps/<namespace>/namespace.yaml); an app must not render it too. */
function namespaceFindings(context: ValidationContext): Finding[] {
  const namespaces = new Set(context.apps.map((app) => app.namespace));
  return context.apps.flatMap((app) =>
    app.objects
      .filter((object) => object.kind === "Namespace" && namespaces.has(objectName(object)))
      .map((object) => ({
        code: "DUPLICATE_OBJECT" as const,
        path: objectPath(context.cluster, app, object),
        message: "the namespace is rendered by k8s-ops already; remove it from the app",
        expected: "no Namespace object for a namespace apps are deployed to",
        found: `also rendered as apps/${objectName(object)}/namespace.yaml`,
      })),
  );
}

function duplicateFindings(context: ValidationContext): Finding[] {
  const firstSeen = new Map<string, App>();
  const findings: Finding[] = [];
  const kustomizations = context.apps.map((app) => ({
    app,
    key: `flux/Kustomization/${app.namespace}/${app.name}`,
  }));
  for (const { app, key } of kustomizations) {
    const first = firstSeen.get(key);
    if (first)
      findings.push(duplicate(context.cluster, app, `Kustomization ${app.namespace}/${app.name}`, first));
    else firstSeen.set(key, app);
  }
  for (const app of context.apps) {
    for (const object of app.objects) {
      const key = identity(app, object);
      const first = firstSeen.get(key);
      const namespace = isClusterScoped(object.kind) ? undefined : app.namespace;
      if (first) findings.push(duplicate(context.cluster, app, describeObject(object, namespace), first));
      else firstSeen.set(key, app);
    }
  }
  return findings;
}

function duplicate(cluster: string, app: App, what: string, first: App): Finding {
  return {
    code: "DUPLICATE_OBJECT",
    path: `${appPath(cluster, app)} › ${what}`,
    message: "the same object is rendered twice; Flux would apply one over the other",
    expected: "each (kind, namespace, name) once per cluster",
    found: `also rendered by ${first.namespace}/${first.name}`,
  };
}

function chartSourceFindings(context: ValidationContext): Finding[] {
  const sources = new Set(
    context.apps.flatMap((app) =>
      app.objects
        .filter((o) => o.kind === "OCIRepository" || o.kind === "HelmChart")
        .map((o) => `${o.kind} ${app.namespace}/${objectName(o)}`),
    ),
  );
  const findings: Finding[] = [];
  for (const app of context.apps) {
    for (const object of app.objects.filter((o) => o.kind === "HelmRelease")) {
      const chartRef = (object.toJSON() as { spec?: { chartRef?: { kind?: string; name?: string } } }).spec
        ?.chartRef;
      if (!chartRef) continue;
      if (sources.has(`${chartRef.kind} ${app.namespace}/${chartRef.name}`)) continue;
      findings.push({
        code: "SOURCE_UNRESOLVED",
        path: `${objectPath(context.cluster, app, object)}: spec.chartRef`,
        ...unresolvedChartRef(chartRef.kind, `${app.namespace}/${chartRef.name ?? "?"}`),
        found: `${chartRef.kind ?? "?"} ${chartRef.name ?? "?"}`,
      });
    }
  }
  return findings;
}
