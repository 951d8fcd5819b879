import type { App } from "../app.js";
import type { Finding } from "../errors.js";
import { appPath } from "../paths.js";

/** Apps sharing a namespace must agree on the labels they ask of it. */
export function namespaceLabelFindings(cluster: string, apps: readonly App[]): Finding[] {
  const chosen = new Map<string, { value: string; app: App }>();
  const findings: Finding[] = [];
  for (const app of apps) {
    for (const [label, value] of Object.entries(app.namespaceLabels)) {
      const key = `${app.namespace}/${label}`;
      const first = chosen.get(key);
      if (!first) chosen.set(key, { value, app });
      else if (first.value !== value) {
        findings.push({
          code: "DUPLICATE_OBJECT",
          path: `${appPath(cluster, app)}: namespaceLabels.${label}`,
          message: `apps ask different values of the namespace label ${label}`,
          expected: `${JSON.stringify(first.value)}, as ${first.app.namespace}/${first.app.name} asks`,
          found: JSON.stringify(value),
        });
      }
    }
  }
  return findings;
}
