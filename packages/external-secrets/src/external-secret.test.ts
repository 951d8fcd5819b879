import { fileURLToPath } from "node:url";
import { type ClusterIssuerRef, componentYaml, helmApp, reference, type SecretStoreRef } from "@k8s-ops/core";
import { readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { externalSecret, externalSecrets, storeSecret } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const secrets = externalSecrets({ vault: "k8s-infra" });
const store = secrets.secretStore;

describe("externalSecret", () => {
  it("builds the community shape: ClusterSecretStore ref, extract of one item, v2 template", () => {
    // GIVEN a store, an item and a template WHEN built
    const object = externalSecret({
      name: "cloudflare-dns",
      store,
      item: "cloudflare",
      template: { CF_API_TOKEN: "{{ .CLOUDFLARE_API_TOKEN }}" },
    });
    // THEN the ExternalSecret reads the item through the cluster store into `<name>-secret`
    expect(object.toJSON()).toEqual({
      apiVersion: "external-secrets.io/v1",
      kind: "ExternalSecret",
      metadata: { name: "cloudflare-dns" },
      spec: {
        dataFrom: [{ extract: { key: "cloudflare" } }],
        secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
        target: {
          name: "cloudflare-dns-secret",
          template: { engineVersion: "v2", data: { CF_API_TOKEN: "{{ .CLOUDFLARE_API_TOKEN }}" } },
        },
      },
    });
  });

  it("template: without one, copies the item's fields as they are", () => {
    // GIVEN no template WHEN built THEN the target has no template
    const object = externalSecret({ name: "app", store, item: "app" });
    expect(object.spec?.target).toEqual({ name: "app-secret" });
  });

  it("targetName and refreshInterval: set the Secret's name and the refresh period", () => {
    // GIVEN both WHEN built THEN the spec carries them
    const object = externalSecret({
      name: "app",
      store,
      item: "app",
      targetName: "app-env",
      refreshInterval: "15m",
    });
    expect(object.spec?.target?.name).toBe("app-env");
    expect(object.spec?.refreshInterval).toBe("15m");
  });

  it("store: a namespaced store is referenced as a SecretStore", () => {
    // GIVEN a store reference with a namespace WHEN built THEN the kind is SecretStore
    const namespaced: SecretStoreRef = reference(
      "SecretStore",
      { name: "vault", namespace: "apps" },
      "vault",
      "apps",
    );
    expect(externalSecret({ name: "app", store: namespaced, item: "app" }).spec?.secretStoreRef).toEqual({
      kind: "SecretStore",
      name: "vault",
    });
  });

  it("rejects an empty item", () => {
    expect(() => externalSecret({ name: "app", store, item: "" })).toThrow(
      'OPTION externalSecret(app): item: the 1Password item name is empty\n  expected: the name of an item in the store\'s vault\n  found:    ""',
    );
  });

  it("rejects an invalid name", () => {
    expect(() => externalSecret({ name: "My_App", store, item: "app" })).toThrow(
      'OPTION externalSecret(My_App): name: not a valid object name\n  expected: a lowercase RFC 1123 subdomain such as cloudflare-dns\n  found:    "My_App"',
    );
  });

  it("rejects a template key a Secret cannot hold", () => {
    expect(() => externalSecret({ name: "app", store, item: "app", template: { "a b": "x" } })).toThrow(
      "OPTION externalSecret(app): template.a b: not a valid Secret key\n  expected: letters, digits, '-', '_' or '.'\n  found:    \"a b\"",
    );
  });

  it("rejects a refresh interval that is not a duration", () => {
    expect(() => externalSecret({ name: "app", store, item: "app", refreshInterval: "hourly" })).toThrow(
      "OPTION externalSecret(app): refreshInterval: not a Go duration\n  expected: a duration such as 1h or 30m\n  found:    hourly",
    );
  });

  it("does not compile without a store, or with something that is not a store", () => {
    const issuer: ClusterIssuerRef = reference(
      "ClusterIssuer",
      { name: "issuers", namespace: "cert-manager" },
      "le",
    );
    // @ts-expect-error an ExternalSecret needs a store
    expect(() => externalSecret({ name: "app", item: "app" })).toThrow();
    // @ts-expect-error a ClusterIssuer is not a secret store
    externalSecret({ name: "app", store: issuer, item: "app" });
    // @ts-expect-error a store name is not a store reference
    externalSecret({ name: "app", store: "onepassword-connect", item: "app" });
    // @ts-expect-error unknown option
    externalSecret({ name: "app", store, item: "app", key: "x" });
  });
});

describe("storeSecret", () => {
  it("gives the consuming app the ExternalSecret, its uses and the Secret's name (README example)", async () => {
    // GIVEN the README's consumer example
    // README:start
    const token = storeSecret({
      name: "cloudflare-dns",
      store: secrets.secretStore,
      item: "cloudflare",
      template: { CF_API_TOKEN: "{{ .CLOUDFLARE_API_TOKEN }}" },
    });
    const dns = helmApp({
      name: "cloudflare-dns",
      namespace: "network",
      layer: "platform",
      chart: { url: "oci://ghcr.io/home-operations/charts-mirror/external-dns", tag: "1.21.1" },
      values: {
        env: [
          {
            name: "CF_API_TOKEN",
            valueFrom: { secretKeyRef: { name: token.secretName, key: "CF_API_TOKEN" } },
          },
        ],
      },
      objects: [token.object],
      uses: token.uses,
    });
    // README:end
    // WHEN rendered with the external-secrets component
    const yaml = componentYaml({ name: "test", apps: [...secrets.apps, dns] });
    // THEN the app depends on the store stage (and the CRD's app), so its ExternalSecret waits for a ready store
    expect(yaml).toContain(
      "  dependsOn:\n    - name: external-secrets\n      namespace: external-secrets\n    - name: onepassword-connect-store\n      namespace: external-secrets\n",
    );
    expect(token.secretName).toBe("cloudflare-dns-secret");
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });
});
