import { componentReferences } from "@k8s-ops/cli";
import { appKey, type Cluster, describeReference } from "@k8s-ops/core";
import { hub, cluster as infra, logsHub } from "cluster-infra";
import { describe, expect, it } from "vitest";
import { cluster } from "./cluster.ts";

/** Every app a cluster runs, as `namespace/name`. */
function appsOf(of: Cluster): Set<string> {
  return new Set(of.components.flatMap((component) => component.apps).map(appKey));
}

/** The host names a cluster's HTTPRoutes serve. */
function routeHosts(of: Cluster): string[] {
  return of.components
    .flatMap((component) => component.apps)
    .flatMap((app) => app.objects)
    .map((object) => object.toJSON() as { kind: string; spec?: { hostnames?: string[] } })
    .filter((object) => object.kind === "HTTPRoute")
    .flatMap((route) => route.spec?.hostnames ?? []);
}

describe("the apps cluster, as a spoke of infra's observability hub", () => {
  it("carries infra's metrics and logs Services as cross-cluster references", () => {
    // GIVEN the apps cluster WHEN its components' references are read, as `k8s-ops check` reads them
    const fromInfra = componentReferences(cluster).filter((ref) => ref.provider.cluster === "infra");
    // THEN VMAgent's remote-write Service and Fluent Bit's VictoriaLogs Service are among them
    expect(fromInfra).toContainEqual(hub.remoteWrite.service);
    expect(fromInfra).toContainEqual(logsHub.service);
  });

  it("takes from infra only Services that an app infra runs provides", () => {
    // GIVEN every reference apps takes from infra, and infra's apps
    const infraApps = appsOf(infra);
    const fromInfra = componentReferences(cluster).filter((ref) => ref.provider.cluster === "infra");
    // WHEN each is looked up THEN none is left without its provider (the checks' cross-cluster rule agrees)
    const unserved = fromInfra.filter((ref) => !infraApps.has(appKey(ref.provider))).map(describeReference);
    expect(unserved).toEqual([]);
  });

  it("serves no host name infra serves too (each cluster has its own status page)", () => {
    // GIVEN both clusters' routes WHEN their host names are compared THEN they are disjoint
    const infraHosts = new Set(routeHosts(infra));
    expect(routeHosts(cluster).filter((host) => infraHosts.has(host))).toEqual([]);
    // AND each cluster's status page is named after it
    expect(routeHosts(infra)).toContain("status-infra.${SECRET_DOMAIN}");
    expect(routeHosts(cluster)).toContain("status-apps.${SECRET_DOMAIN}");
  });
});
