import type { App, Component } from "@k8s-ops/core";

/** The app of a component by name; throws naming the apps there are, so a renamed app fails loudly. */
export function appOf(component: Pick<Component, "apps">, name: string): App {
  const found = component.apps.find((app) => app.name === name);
  if (!found) {
    const names = component.apps.map((app) => app.name).join(", ");
    throw new Error(`no app ${name} (the apps are: ${names || "none"})`);
  }
  return found;
}

/** The objects of one kind in an app, as the YAML shows them (`toJSON()`), in the app's order. */
export function objectsOf(app: App, kind: string): Record<string, unknown>[] {
  return app.objects
    .filter((object) => object.kind === kind)
    .map((object) => object.toJSON() as Record<string, unknown>);
}

/** The inline values of an app's HelmRelease (`{}` when it sets none); throws for an app without one. */
export function helmValues(app: App): Record<string, unknown> {
  const [release] = objectsOf(app, "HelmRelease");
  if (!release) throw new Error(`app ${app.name} has no HelmRelease`);
  const spec = release.spec as { values?: Record<string, unknown> } | undefined;
  return spec?.values ?? {};
}
