import { clusterApps, renderCluster } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { fleet, fleetApps, fleetCluster, tenantNamespace } from "./fleet.ts";

describe("fleet", () => {
  it("builds N clusters of exactly M apps each", () => {
    // GIVEN a fleet of 3 clusters of 20 apps
    // WHEN it is built
    const clusters = fleet({ clusters: 3, appsPerCluster: 20 });
    // THEN there are 3 distinct clusters holding 20 apps each
    expect(clusters.map((c) => c.settings.name)).toEqual(["fleet-1", "fleet-2", "fleet-3"]);
    expect(clusters.map((c) => clusterApps(c).length)).toEqual([20, 20, 20]);
    expect(fleetApps(clusters)).toBe(60);
  });

  it("renders a cluster that passes every validation rule", () => {
    // GIVEN one synthetic cluster of 30 apps
    const cluster = fleetCluster(1, 30);
    // WHEN it is rendered
    const rendered = renderCluster(cluster, { root: "clusters/fleet-1" });
    // THEN nothing fails and every tenant has its own namespace folder
    expect(rendered.findings).toEqual([]);
    expect(rendered.apps).toBe(30);
    expect(rendered.files.has(`apps/${tenantNamespace(0)}/namespace.yaml`)).toBe(true);
  });

  it("puts each tenant in a namespace of its own", () => {
    // GIVEN a cluster of 15 apps
    // WHEN its apps are listed
    const namespaces = clusterApps(fleetCluster(2, 15)).map((app) => app.namespace);
    // THEN the tenant namespaces are distinct and zero-padded
    expect(namespaces.filter((ns) => ns.startsWith("tenant-"))).toEqual([
      "tenant-00000",
      "tenant-00001",
      "tenant-00002",
    ]);
  });

  it("refuses fewer apps than the platform has", () => {
    // GIVEN a size below the platform's 12 apps
    // WHEN the cluster is built THEN it says so
    expect(() => fleetCluster(1, 5)).toThrow("a fleet cluster needs at least 12 apps, got 5");
  });
});
