import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";
import { describe, expect, it } from "vitest";
import { defineApp } from "../app.js";
import { renderComponents, testSettings } from "../testing.js";

function render(hostname: string) {
  const route = new HTTPRoute({ metadata: { name: "grafana" }, spec: { hostnames: [hostname] } });
  const app = defineApp({ name: "grafana", namespace: "observability", layer: "apps", objects: [route] });
  const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });
  return renderComponents([{ name: "grafana", apps: [app] }], settings, ["gateway.networking.k8s.io/*"]);
}

describe("objects with ${VAR} are checked as Flux will apply them", () => {
  it("accepts a secret domain where the schema wants a hostname", () => {
    // GIVEN a route for grafana.${SECRET_DOMAIN} WHEN rendered THEN the value checked is grafana.k8s-ops.invalid
    expect(render("grafana.${SECRET_DOMAIN}").findings).toEqual([]);
  });

  it("still rejects what would be wrong once substituted, and renders the variable untouched", () => {
    // GIVEN a hostname the substitution cannot make valid
    const rendered = render("grafana.${SECRET_DOMAIN}:443");
    // WHEN / THEN the schema finding stays, on the field
    expect(rendered.findings.map((finding) => [finding.code, finding.path.split(": ")[1]])).toEqual([
      ["SCHEMA", "spec.hostnames.0"],
    ]);
    expect(
      render("grafana.${SECRET_DOMAIN}").files.get("apps/observability/grafana/app/httproute.yaml"),
    ).toContain("- grafana.${SECRET_DOMAIN}");
  });
});
