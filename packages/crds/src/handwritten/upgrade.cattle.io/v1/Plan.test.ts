import { describe, expect, it } from "vitest";
import { Plan } from "./index.js";

const metadata = { name: "talos", namespace: "system-upgrade" };

function talosPlan(): Plan {
  return new Plan({
    metadata,
    spec: {
      version: "v1.11.5",
      concurrency: 1,
      exclusive: true,
      postCompleteDelay: "2m",
      serviceAccountName: "system-upgrade",
      nodeSelector: { matchExpressions: [{ key: "kubernetes.io/os", operator: "In", values: ["linux"] }] },
      secrets: [{ name: "system-upgrade", path: "/var/run/secrets/talos.dev", ignoreUpdates: true }],
      tolerations: [
        { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" },
      ],
      upgrade: {
        image: "ghcr.io/jfroy/tnu:0.4.3",
        args: ["--node=$(SYSTEM_UPGRADE_NODE_NAME)", "--tag=$(SYSTEM_UPGRADE_PLAN_LATEST_VERSION)"],
        envs: [{ name: "TALOS_NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
      },
    },
  });
}

describe("upgrade.cattle.io/v1 Plan (hand-written)", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN a plan with an undefined optional field
    const plan = new Plan({
      metadata,
      spec: { version: "v1.34.2", upgrade: { image: "x" }, tolerations: undefined },
    });
    // THEN
    expect(plan.toJSON()).toEqual({
      apiVersion: "upgrade.cattle.io/v1",
      kind: "Plan",
      metadata,
      spec: { version: "v1.34.2", upgrade: { image: "x" } },
    });
    expect([Plan.apiVersion, Plan.kind]).toEqual(["upgrade.cattle.io/v1", "Plan"]);
  });

  it("validates the Talos upgrade plan", () => {
    expect(() => talosPlan().validate()).not.toThrow();
  });

  it("reports a missing version and upgrade image", () => {
    // GIVEN
    // @ts-expect-error version and upgrade.image are required
    const plan = new Plan({ metadata, spec: { concurrency: 1, upgrade: { args: ["--dry-run"] } } });
    // THEN
    expect(() => plan.validate()).toThrow(
      "data/spec must have required property version, data/spec/upgrade must have required property image",
    );
  });

  it("rejects concurrency 0, a secret without name and an env var without name", () => {
    // GIVEN
    const plan = talosPlan();
    plan.spec.concurrency = 0;
    // @ts-expect-error a secret needs its name
    plan.spec.secrets = [{ path: "/var/run/secrets/talos.dev" }];
    // @ts-expect-error an env var needs its name
    plan.spec.upgrade.envs = [{ value: "1" }];
    // THEN
    expect(() => plan.validate()).toThrow(
      "data/spec/concurrency must be >= 1, data/spec/secrets/0 must have required property name, " +
        "data/spec/upgrade/envs/0 must have required property name",
    );
  });

  it("rejects a non-object spec and a metadata without name", () => {
    // GIVEN
    // @ts-expect-error metadata.name is checked at run time (IObjectMeta has it optional); spec must be an object
    const plan = new Plan({ metadata: { namespace: "system-upgrade" }, spec: "upgrade" });
    // THEN
    expect(() => plan.validate()).toThrow(
      "data/metadata must have required property name, data/spec must be object",
    );
  });
});
