import { fileURLToPath } from "node:url";
import { helmApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { appOf, helmValues, readmeShows, SCHEMAS_DIR, schemaPresent, valuesErrors } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const VALUES_SCHEMA = `${SCHEMAS_DIR}/values/cert-manager/values.schema.json`;

describe("the README example", () => {
  it("reads the Helm values of a component's app, and the README shows it", () => {
    // GIVEN the README example
    // README:start
    const controller = helmApp({
      name: "cert-manager",
      namespace: "cert-manager",
      layer: "controllers",
      chart: { url: "oci://quay.io/jetstack/charts/cert-manager", tag: "v1.21.1" },
      values: { replicaCount: 2 },
    });
    const component = { name: "cert-manager", apps: [controller] };
    const values = helmValues(appOf(component, "cert-manager"));
    // README:end
    // THEN the values are the app's, and the README shows this very example
    expect(values).toEqual({ replicaCount: 2 });
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it.skipIf(!schemaPresent(VALUES_SCHEMA))("finds them valid against the chart's values schema", () => {
    // GIVEN cert-manager's values schema WHEN the example's values are validated THEN there is no error
    expect(valuesErrors(VALUES_SCHEMA, { replicaCount: 2 })).toEqual([]);
    // AND a wrong type is reported
    expect(valuesErrors(VALUES_SCHEMA, { replicaCount: "two" }).length).toBeGreaterThan(0);
  });
});
