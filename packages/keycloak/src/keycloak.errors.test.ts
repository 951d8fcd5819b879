import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { keycloak } from "./index.js";
import { base } from "./test-support.js";

const message = optionMessage("keycloak");

describe("keycloak errors", () => {
  it("rejects a chart that is not in an OCI registry", () => {
    expect(() =>
      keycloak({ ...base, operatorChart: { url: "https://charts.example.com", tag: "1.0.0" } }),
    ).toThrow(
      message(
        "operatorChart.url",
        "not an OCI chart",
        "oci://registry/path/chart",
        '"https://charts.example.com"',
      ),
    );
  });

  it("rejects a host name that is not one", () => {
    expect(() => keycloak({ ...base, hostname: "https://sso.example.com" })).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as sso.example.com or sso.${SECRET_DOMAIN}",
        '"https://sso.example.com"',
      ),
    );
  });

  it("rejects zero instances of server or database", () => {
    expect(() => keycloak({ ...base, instances: 0 })).toThrow(
      message("instances", "Keycloak needs at least one instance", "an integer ≥ 1", "0"),
    );
    expect(() => keycloak({ ...base, databaseInstances: 0 })).toThrow(
      message("databaseInstances", "the database needs at least one instance", "an integer ≥ 1", "0"),
    );
  });

  it("rejects a volume size that is not a quantity", () => {
    expect(() => keycloak({ ...base, databaseSize: "5GB" })).toThrow(
      message("databaseSize", "not a volume size", "a quantity such as 5Gi", '"5GB"'),
    );
  });

  it("rejects importing the master realm", () => {
    expect(() => keycloak({ ...base, realms: { master: {} } })).toThrow(
      message(
        "realms",
        "not a realm this package may import",
        "lowercase letters, digits and '-', not master",
        '"master"',
      ),
    );
  });

  it("rejects an empty item", () => {
    expect(() => keycloak({ ...base, item: "" })).toThrow(
      message(
        "item",
        "the 1Password item name is empty",
        "the item holding the admin and database passwords",
        '""',
      ),
    );
  });
});
