import { describe, expect, it } from "vitest";
import { Keycloak, KeycloakRealmImport } from "../src/generated/k8s.keycloak.org/v2alpha1/index.js";

const metadata = { name: "keycloak", namespace: "security" };

function keycloak(): Keycloak {
  return new Keycloak({
    metadata,
    spec: {
      instances: 2,
      db: {
        vendor: "postgres",
        host: "keycloak-db-rw.security.svc",
        database: "keycloak",
        usernameSecret: { name: "keycloak-db-app", key: "username" },
        passwordSecret: { name: "keycloak-db-app", key: "password" },
      },
      hostname: { hostname: "https://sso.example.com", strict: true },
      http: { httpEnabled: true },
      proxy: { headers: "xforwarded" },
      ingress: { enabled: false },
    },
  });
}

describe("k8s.keycloak.org/v2alpha1", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN a Keycloak with one undefined field
    const instance = new Keycloak({ metadata, spec: { instances: 1, image: undefined } });
    // THEN apiVersion/kind come from the class and undefined is dropped
    expect(instance.toJSON()).toEqual({
      apiVersion: "k8s.keycloak.org/v2alpha1",
      kind: "Keycloak",
      metadata,
      spec: { instances: 1 },
    });
  });

  it("validates a Keycloak on CloudNativePG and a realm import", () => {
    // GIVEN the platform's Keycloak and its realm
    const realm = new KeycloakRealmImport({
      metadata: { name: "platform", namespace: "security" },
      spec: {
        keycloakCRName: "keycloak",
        realm: { realm: "platform", enabled: true, displayName: "Platform" },
      },
    });
    // WHEN validated THEN both pass
    expect(() => keycloak().validate()).not.toThrow();
    expect(() => realm.validate()).not.toThrow();
  });

  it("rejects a realm import without its Keycloak and a database port in words", () => {
    // GIVEN a realm import without keycloakCRName and a Keycloak whose db port is a string
    // @ts-expect-error keycloakCRName is required by the types as well
    const realm = new KeycloakRealmImport({ metadata, spec: { realm: { realm: "platform" } } });
    const instance = keycloak();
    // @ts-expect-error port is a number
    instance.spec.db = { vendor: "postgres", port: "5432" };
    // THEN ajv names the fields
    expect(() => realm.validate()).toThrow("data/spec must have required property keycloakCRName");
    expect(() => instance.validate()).toThrow("data/spec/db/port must be integer");
  });
});
