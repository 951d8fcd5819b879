import { fileURLToPath } from "node:url";
import { componentYaml, SERVICE_MONITOR } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, optionMessage, readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { dragonflyOperator } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const message = optionMessage("dragonfly-operator");

describe("dragonflyOperator", () => {
  it("renders the README example: the operator", async () => {
    // GIVEN the README example
    // README:start
    const operator = dragonflyOperator();
    // README:end
    // WHEN rendered THEN it validates and matches the reviewed snapshot
    await expect(componentYaml(operator)).toMatchFileSnapshot(
      "__snapshots__/dragonfly-operator.default.yaml",
    );
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("installs the pinned OCI chart with its CRD in dragonfly-system and waits for it", () => {
    // GIVEN the defaults WHEN built
    const app = appOf(dragonflyOperator(), "dragonfly-operator");
    // THEN the app provides dragonflydb.io, waits, and pulls chart v1.6.1 with its CRDs kept
    expect(app).toMatchObject({ namespace: "dragonfly-system", crds: ["dragonflydb.io/*"], wait: true });
    expect(objectsOf(app, "OCIRepository")[0]?.spec).toMatchObject({
      ref: { tag: "v1.6.1" },
      url: "oci://ghcr.io/dragonflydb/dragonfly-operator/helm/dragonfly-operator",
    });
    expect(helmValues(app)).toEqual({
      crds: { install: true, keep: true },
      grafanaDashboard: { enabled: false },
      replicaCount: 1,
      serviceMonitor: { enabled: false },
    });
  });

  it("namespace, replicas and serviceMonitor: move, scale and monitor the operator", () => {
    const operator = dragonflyOperator({ namespace: "database", replicas: 2, serviceMonitor: true });
    const app = appOf(operator, "dragonfly-operator");
    expect(app.namespace).toBe("database");
    expect(helmValues(app)).toMatchObject({ replicaCount: 2, serviceMonitor: { enabled: true } });
    expect(app.chartKinds).toEqual([SERVICE_MONITOR]);
    expect(operator.operator).toEqual({
      type: "App",
      name: "dragonfly-operator",
      namespace: "database",
      provider: { name: "dragonfly-operator", namespace: "database" },
    });
  });

  it("rejects zero replicas and a namespace that is not a label", () => {
    expect(() => dragonflyOperator({ replicas: 0 })).toThrow(
      message("replicas", "the operator needs at least one replica", "an integer ≥ 1", "0"),
    );
    expect(() => dragonflyOperator({ namespace: "Dragonfly" })).toThrow(
      message(
        "namespace",
        "not a valid namespace name",
        "a lowercase RFC 1123 label such as dragonfly-system",
        '"Dragonfly"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error replicas are a number
    expect(() => dragonflyOperator({ replicas: "2" })).toThrow();
    // @ts-expect-error unknown option
    dragonflyOperator({ crds: false });
  });
});
