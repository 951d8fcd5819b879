import { defineApp, type ServiceEndpoint } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, viewOf } from "../test-support.js";
import { crossClusterServices } from "./services.js";

/** The hub's Service as infra exports it: provided by its cluster stage, marked with cluster infra. */
const hubService: ServiceEndpoint = {
  type: "Service",
  name: "vmauth-hub",
  namespace: "observability",
  port: 8427,
  host: "vmauth-hub.observability.svc.cluster.local",
  provider: { name: "victoria-metrics-cluster", namespace: "observability", cluster: "infra" },
};

const hubApp = defineApp({
  name: "victoria-metrics-cluster",
  namespace: "observability",
  layer: "platform",
  objects: [],
});

/** The apps cluster: an agent carrying infra's hub Service among its references. */
const apps = viewOf({ ...inputOf([], { name: "apps", settings: { id: 2 } }), references: [hubService] });

describe("crossClusterServices", () => {
  it("passes when the other cluster runs the app serving the Service", () => {
    // GIVEN infra running the hub's cluster stage
    const infra = viewOf(inputOf([{ name: "victoria-metrics-hub", apps: [hubApp] }], { name: "infra" }));
    // WHEN the cross-cluster rule runs over both THEN nothing is reported
    expect(crossClusterServices([infra, apps])).toEqual([]);
  });

  it("fails when the hub's cluster no longer runs the app serving the Service", () => {
    // GIVEN infra without the hub (its export still compiles), apps still writing to it
    const infra = viewOf(inputOf([], { name: "infra" }));
    // WHEN the rule runs THEN it names the Service, both clusters and the missing Kustomization
    const findings = crossClusterServices([infra, apps]);
    expect(lines(findings)).toEqual([
      "REF_UNRESOLVED cross-cluster › apps → infra: Service observability/vmauth-hub: cluster infra does not run the app that provides it",
    ]);
    expect([findings[0]?.expected, findings[0]?.found]).toEqual([
      "a Kustomization observability/victoria-metrics-cluster in infra",
      "none",
    ]);
  });

  it("fails when the Service names a cluster the repository does not have", () => {
    // GIVEN apps alone
    const findings = crossClusterServices([apps]);
    expect(lines(findings)).toEqual([
      "REF_UNRESOLVED cross-cluster › apps → infra: Service observability/vmauth-hub: uses a Service of cluster infra, which is not in this repository",
    ]);
  });

  it("leaves a cluster's references to its own Services to the in-cluster checks", () => {
    // GIVEN infra referencing its own hub without running it
    const infra = viewOf({ ...inputOf([], { name: "infra" }), references: [hubService] });
    expect(crossClusterServices([infra])).toEqual([]);
  });
});
