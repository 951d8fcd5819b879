import { type App, defineApp, renderComponents } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { ModelValidationError, Plan, TalosServiceAccount } from "./index.js";

const container = { image: "ghcr.io/siderolabs/talosctl:v1.13.9", args: ["version"] };

function plansApp(objects: App["objects"]) {
  const provider = defineApp({
    name: "crds",
    namespace: "system-upgrade",
    layer: "controllers",
    objects: [],
    crds: ["upgrade.cattle.io/*", "talos.dev/*"],
  });
  const app = defineApp({ name: "plans", namespace: "system-upgrade", layer: "config", objects });
  return { name: "plans", apps: [provider, app] };
}

describe("Plan", () => {
  it("serialises with its apiVersion and kind and without unset fields", () => {
    // GIVEN a Plan without optional fields WHEN serialised
    const plan = new Plan({ metadata: { name: "p" }, spec: { version: "v1", upgrade: container } });
    // THEN apiVersion and kind come from the class and nothing undefined remains
    expect(plan.toJSON()).toEqual({
      apiVersion: "upgrade.cattle.io/v1",
      kind: "Plan",
      metadata: { name: "p" },
      spec: { upgrade: container, version: "v1" },
    });
    expect(Plan.apiVersion).toBe("upgrade.cattle.io/v1");
    expect(Plan.kind).toBe("Plan");
  });

  it("validates the fields the CRD needs, the way schema validation reports them", () => {
    // GIVEN a Plan without version, image or a valid concurrency WHEN validated
    const plan = new Plan({
      metadata: { name: "p" },
      spec: { version: "", upgrade: { image: "" }, concurrency: 0, secrets: [{ name: "" }] },
    });
    // THEN every problem is reported with its path
    expect(() => plan.validate()).toThrow(ModelValidationError);
    expect(() => plan.validate()).toThrow(
      "Plan is invalid: /spec must have required property 'version'; /spec/upgrade must have required property 'image'; /spec/secrets/0 must have required property 'name'; /spec/concurrency must be an integer >= 1",
    );
  });

  it("turns validation errors into findings when rendered", () => {
    // GIVEN a Plan without image in an app WHEN rendered
    const rendered = renderComponents([
      plansApp([new Plan({ metadata: { name: "p" }, spec: { version: "v1", upgrade: { image: "" } } })]),
    ]);
    // THEN core reports the missing field at its path
    expect(rendered.findings).toEqual([
      {
        code: "SCHEMA",
        path: "test › system-upgrade/plans › Plan system-upgrade/p: spec.upgrade.image",
        message: "required field is missing",
        expected: "a value",
        found: "nothing",
      },
    ]);
  });

  it("rejects wrong field types at compile time", () => {
    // GIVEN wrongly typed data THEN the compiler refuses it
    // @ts-expect-error the upgrade container is required
    new Plan({ metadata: { name: "p" }, spec: { version: "v1" } });
    // @ts-expect-error operators are the label-selector ones
    const selector: Plan["spec"]["nodeSelector"] = { matchExpressions: [{ key: "a", operator: "Equals" }] };
    expect(selector).toBeDefined();
  });
});

describe("TalosServiceAccount", () => {
  it("serialises as talos.dev/v1alpha1 ServiceAccount", () => {
    // GIVEN a reader account WHEN serialised THEN it is the Talos kind
    const account = new TalosServiceAccount({ metadata: { name: "reader" }, spec: { roles: ["os:reader"] } });
    expect(account.toJSON()).toEqual({
      apiVersion: "talos.dev/v1alpha1",
      kind: "ServiceAccount",
      metadata: { name: "reader" },
      spec: { roles: ["os:reader"] },
    });
  });

  it("requires at least one role", () => {
    // GIVEN no roles WHEN validated THEN it throws
    const account = new TalosServiceAccount({ metadata: { name: "none" }, spec: { roles: [] } });
    expect(() => account.validate()).toThrow(
      "ServiceAccount is invalid: /spec/roles must NOT have fewer than 1 items",
    );
  });

  it("accepts only Talos roles", () => {
    // GIVEN a Kubernetes-style role THEN the compiler refuses it
    // @ts-expect-error roles are Talos API roles
    const account = new TalosServiceAccount({ metadata: { name: "x" }, spec: { roles: ["cluster-admin"] } });
    expect(account.kind).toBe("ServiceAccount");
  });
});
