import { type App, type KubeObject, OptionError } from "@k8s-ops/core";

/** One helmfile release: the chart, version and values the app's HelmRelease and OCIRepository hold. */
export interface HelmfileRelease {
  readonly name: string;
  readonly namespace: string;
  readonly chart: string;
  readonly version: string;
  readonly values: readonly Record<string, unknown>[];
  readonly needs?: readonly string[];
}

interface OciJson {
  spec?: { url?: string; ref?: { tag?: string } };
}
interface ReleaseJson {
  metadata?: { name?: string };
  spec?: {
    releaseName?: string;
    values?: Record<string, unknown>;
    valuesFrom?: { kind: string; name: string; optional?: boolean }[];
  };
}

function objectOf(app: App, kind: string): KubeObject {
  const object = app.objects.find((o) => o.kind === kind);
  if (object) return object;
  throw new OptionError({
    path: `bootstrap: ${app.namespace}/${app.name}`,
    message: `the app has no ${kind}, so helmfile cannot install it`,
    expected: "an app made with helmApp (an OCIRepository and a HelmRelease)",
    found: app.objects.map((o) => o.kind).join(", ") || "no objects",
  });
}

/**
 * The app as a helmfile release, read from the very objects Flux applies: the same chart URL and tag, the same
 * inline values. Values Flux would read from elsewhere or substitute cannot reach helmfile, so they are refused.
 */
export function releaseOf(app: App): HelmfileRelease {
  const oci = objectOf(app, "OCIRepository").toJSON() as OciJson;
  const release = objectOf(app, "HelmRelease").toJSON() as ReleaseJson;
  const path = `bootstrap: ${app.namespace}/${app.name}`;
  const required = (release.spec?.valuesFrom ?? []).filter((ref) => !ref.optional);
  if (required.length > 0) {
    throw new OptionError({
      path: `${path}: spec.valuesFrom`,
      message: "the release reads values helmfile cannot read",
      expected: "inline values, or valuesFrom marked optional",
      found: required.map((ref) => `${ref.kind} ${ref.name}`).join(", "),
    });
  }
  const values = release.spec?.values ?? {};
  const variable = JSON.stringify(values).match(/\$\{[^}]*\}/)?.[0];
  if (variable) {
    throw new OptionError({
      path: `${path}: spec.values`,
      message: "the values hold a Flux substitution helmfile cannot fill",
      expected: "values without ${…}",
      found: variable,
    });
  }
  return {
    name: release.spec?.releaseName ?? release.metadata?.name ?? app.name,
    namespace: app.namespace,
    chart: oci.spec?.url ?? "",
    version: oci.spec?.ref?.tag ?? "",
    values: [values],
  };
}
