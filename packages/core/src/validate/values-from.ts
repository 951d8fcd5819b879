import type { App } from "../app.js";
import type { Finding } from "../errors.js";
import { type KubeObject, objectName } from "../object.js";
import { objectPath } from "../paths.js";

interface ValuesFromEntry {
  readonly kind?: string;
  readonly name?: string;
  readonly optional?: boolean;
}

/** The ConfigMaps and Secrets a namespace will hold: rendered ones and the targets of its ExternalSecrets. */
function providedValues(apps: readonly App[]): Set<string> {
  const provided = new Set<string>();
  for (const app of apps) {
    for (const object of app.objects) {
      const key = (kind: string, name: string) => provided.add(`${app.namespace}/${kind}/${name}`);
      if (object.kind === "ConfigMap" || object.kind === "Secret") key(object.kind, objectName(object));
      if (object.kind === "ExternalSecret") key("Secret", externalSecretTarget(object));
    }
  }
  return provided;
}

function externalSecretTarget(object: KubeObject): string {
  const spec = (object.toJSON() as { spec?: { target?: { name?: string } } }).spec;
  return spec?.target?.name ?? objectName(object);
}

/** Every non-optional `valuesFrom` must name an object the release's namespace will hold, or the release never installs. */
export function valuesFromFindings(cluster: string, apps: readonly App[]): Finding[] {
  const provided = providedValues(apps);
  const findings: Finding[] = [];
  for (const app of apps) {
    for (const object of app.objects.filter((o) => o.kind === "HelmRelease")) {
      const spec = (object.toJSON() as { spec?: { valuesFrom?: ValuesFromEntry[] } }).spec;
      for (const [index, ref] of (spec?.valuesFrom ?? []).entries()) {
        if (ref.optional || provided.has(`${app.namespace}/${ref.kind}/${ref.name}`)) continue;
        findings.push({
          code: "SOURCE_UNRESOLVED",
          path: `${objectPath(cluster, app, object)}: spec.valuesFrom.${index}`,
          message: "valuesFrom names nothing the release's namespace holds",
          expected: `a ${ref.kind} ${app.namespace}/${ref.name} rendered or written by an ExternalSecret, or optional: true`,
          found: "none",
        });
      }
    }
  }
  return findings;
}
