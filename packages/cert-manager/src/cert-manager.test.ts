import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, type SecretStoreRef, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type CertManagerOptions, certManager } from "./index.js";
import { base, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

describe("certManager", () => {
  it("renders the README example: controller and the issuers stage", async () => {
    // GIVEN the README example, with a domain kept in the cluster secrets
    // README:start
    const secrets = externalSecrets({ vault: "k8s-infra" });
    const certs = certManager({
      store: secrets.secretStore,
      email: "admin@${SECRET_DOMAIN}",
      dnsZones: ["${SECRET_DOMAIN}"],
    });
    // README:end
    // WHEN it is rendered with the secret store THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(certs, settings, [secrets]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/cert-manager.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("leaves ${SECRET_DOMAIN} to Flux, once the cluster declares it", () => {
    // GIVEN a zone kept in the cluster secrets
    const certs = certManager({ ...base, dnsZones: ["${SECRET_DOMAIN}"] });
    // WHEN rendered without declaring SECRET_DOMAIN THEN validation names the variable
    expect(() => componentYaml(certs, testSettings(), [secrets])).toThrow(
      "VAR_UNDEFINED test › cert-manager/cert-manager-issuers › ClusterIssuer letsencrypt-staging: spec.acme.solvers.0.selector.dnsZones.0: variable SECRET_DOMAIN is not defined",
    );
    // AND with it declared the render validates
    expect(() => componentYaml(certs, settings, [secrets])).not.toThrow();
  });

  it("puts the issuers in a stage of cert-manager that waits for the chart, the store and healthy issuers", () => {
    // GIVEN the component WHEN rendered
    const files = renderComponents([secrets, certManager(base)], settings).files;
    const [controller, issuers] = parseAllDocuments(
      files.get("apps/cert-manager/cert-manager/ks.yaml") ?? "",
    ).map((d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> });
    // THEN the controller waits and the issuers stage depends on it and on the store stage, health-checked
    expect(controller?.spec.wait).toBe(true);
    expect(issuers?.metadata.name).toBe("cert-manager-issuers");
    expect(issuers?.spec.path).toBe("./clusters/test/apps/cert-manager/cert-manager/issuers");
    expect(issuers?.spec.dependsOn).toEqual([
      { name: "cert-manager", namespace: "cert-manager" },
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
    ]);
    expect(issuers?.spec.wait).toBe(true);
    expect(issuers?.spec.healthCheckExprs).toEqual([
      {
        apiVersion: "cert-manager.io/v1",
        kind: "ClusterIssuer",
        current: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True')",
        failed: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')",
      },
    ]);
  });

  it("builds staging and production ACME issuers solving DNS-01 through Cloudflare", () => {
    // GIVEN the component WHEN built
    const issuers = objectsOf(appOf(certManager(base), "cert-manager-issuers"), "ClusterIssuer");
    // THEN both issuers use the token Secret and the zones, each with its own server and account key
    expect(issuers.map((i) => (i.metadata as { name: string }).name)).toEqual([
      "letsencrypt-staging",
      "letsencrypt-production",
    ]);
    expect(issuers[1]?.spec).toEqual({
      acme: {
        email: "admin@example.com",
        privateKeySecretRef: { name: "letsencrypt-production" },
        server: "https://acme-v02.api.letsencrypt.org/directory",
        solvers: [
          {
            dns01: {
              cloudflare: { apiTokenSecretRef: { key: "api-token", name: "cert-manager-cloudflare-secret" } },
            },
            selector: { dnsZones: ["example.com"] },
          },
        ],
      },
    });
    expect(issuers[0]?.spec).toMatchObject({
      acme: { server: "https://acme-staging-v02.api.letsencrypt.org/directory" },
    });
  });

  it("reads the Cloudflare token from the store with an ExternalSecret", () => {
    // GIVEN the component WHEN built
    const [token] = objectsOf(appOf(certManager(base), "cert-manager-issuers"), "ExternalSecret");
    // THEN the token comes from the 1Password item into the Secret the issuers reference
    expect(token?.spec).toEqual({
      dataFrom: [{ extract: { key: "cloudflare" } }],
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
      target: {
        name: "cert-manager-cloudflare-secret",
        template: { engineVersion: "v2", data: { "api-token": "{{ .CLOUDFLARE_API_TOKEN }}" } },
      },
    });
  });

  it("exports the issuers as ClusterIssuer references provided by the issuers stage", () => {
    // GIVEN the component WHEN built THEN each issuer is a typed reference to its stage
    expect(certManager(base).issuers.production).toEqual({
      type: "ClusterIssuer",
      name: "letsencrypt-production",
      namespace: undefined,
      provider: { name: "cert-manager-issuers", namespace: "cert-manager" },
    });
  });
});

describe("certManager options", () => {
  const issuer = (options: Partial<CertManagerOptions>) =>
    objectsOf(appOf(certManager({ ...base, ...options }), "cert-manager-issuers"), "ClusterIssuer")[0]
      ?.spec as {
      acme: { email: string; solvers: { selector: { dnsZones: string[] } }[] };
    };

  it("email: is the ACME account address", () => {
    expect(issuer({ email: "certs@example.org" }).acme.email).toBe("certs@example.org");
  });

  it("dnsZones: become the solver's zone selector, variables included", () => {
    expect(
      issuer({ dnsZones: ["${SECRET_DOMAIN}", "example.org"] }).acme.solvers[0]?.selector.dnsZones,
    ).toEqual(["${SECRET_DOMAIN}", "example.org"]);
  });

  it("cloudflareItem and cloudflareTokenField: choose the 1Password item and field", () => {
    // GIVEN another item and field WHEN built THEN the ExternalSecret reads them
    const certs = certManager({ ...base, cloudflareItem: "cloudflare-dns", cloudflareTokenField: "token" });
    const [token] = objectsOf(appOf(certs, "cert-manager-issuers"), "ExternalSecret");
    expect(token?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "cloudflare-dns" } }],
      target: { template: { data: { "api-token": "{{ .token }}" } } },
    });
  });

  it("store: the issuers stage uses the given store", () => {
    // GIVEN a store from another provider app WHEN built THEN the stage uses exactly that reference
    const store: SecretStoreRef = { ...secrets.secretStore, provider: { name: "vault", namespace: "vault" } };
    expect(appOf(certManager({ ...base, store }), "cert-manager-issuers").uses).toEqual([store]);
  });

  it("namespace: moves the release and the issuers stage", () => {
    const certs = certManager({ ...base, namespace: "certs" });
    expect(certs.apps.map((a) => a.namespace)).toEqual(["certs", "certs"]);
  });

  it("replicas: scales the controller", () => {
    expect(helmValues(appOf(certManager({ ...base, replicas: 2 }), "cert-manager"))).toMatchObject({
      replicaCount: 2,
    });
  });

  it("dns01Nameservers: are the resolvers DNS-01 checks use", () => {
    const values = helmValues(
      appOf(certManager({ ...base, dns01Nameservers: ["1.1.1.1:53"] }), "cert-manager"),
    );
    expect(values).toMatchObject({
      dns01RecursiveNameservers: "1.1.1.1:53",
      dns01RecursiveNameserversOnly: true,
    });
  });
});
