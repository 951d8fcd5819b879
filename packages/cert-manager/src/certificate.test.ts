import { fileURLToPath } from "node:url";
import { defineApp, renderComponents, testSettings } from "@k8s-ops/core";
import { readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { certificate, certManager } from "./index.js";
import { base, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

const certs = certManager(base);

describe("certificate", () => {
  it("takes its issuer by reference and names the ClusterIssuer", () => {
    // GIVEN the production issuer WHEN a certificate is built (the README example)
    // README:start
    const wildcard = certificate({
      name: "wildcard",
      issuer: certs.issuers.production,
      dnsNames: ["${SECRET_DOMAIN}", "*.${SECRET_DOMAIN}"],
    });
    // README:end
    // THEN it points at that ClusterIssuer and its app must use the issuer
    expect(wildcard.object.toJSON()).toEqual({
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: "wildcard" },
      spec: {
        dnsNames: ["${SECRET_DOMAIN}", "*.${SECRET_DOMAIN}"],
        issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: "letsencrypt-production" },
        secretName: "wildcard-tls",
      },
    });
    expect(wildcard.uses).toEqual([certs.issuers.production]);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("makes the certificate's app wait for the issuers stage", () => {
    // GIVEN an app holding a certificate from the staging issuer
    const cert = certificate({ name: "site", issuer: certs.issuers.staging, dnsNames: ["example.com"] });
    const site = defineApp({
      name: "site",
      namespace: "network",
      layer: "platform",
      objects: [cert.object],
      uses: cert.uses,
    });
    // WHEN rendered with cert-manager
    const rendered = renderComponents([secrets, certs, { name: "site", apps: [site] }], testSettings());
    // THEN it validates and depends on the issuers stage
    expect(rendered.findings).toEqual([]);
    expect(rendered.files.get("apps/network/site/ks.yaml")).toContain(
      "    - name: cert-manager-issuers\n      namespace: cert-manager\n",
    );
  });

  it("secretName: names the TLS Secret", () => {
    const cert = certificate({
      name: "site",
      issuer: certs.issuers.staging,
      dnsNames: ["a.example.com"],
      secretName: "tls",
    });
    expect(cert.object.spec?.secretName).toBe("tls");
    expect(cert.secretName).toBe("tls");
  });

  it("rejects a certificate without names", () => {
    expect(() => certificate({ name: "site", issuer: certs.issuers.staging, dnsNames: [] })).toThrow(
      "OPTION certificate(site): dnsNames: a certificate needs at least one name\n  expected: DNS names such as example.com, *.example.com or ${SECRET_DOMAIN}\n  found:    []",
    );
  });

  it("rejects a name that is not a DNS name", () => {
    expect(() =>
      certificate({ name: "site", issuer: certs.issuers.staging, dnsNames: ["exa mple.com"] }),
    ).toThrow(
      'OPTION certificate(site): dnsNames: not a DNS name\n  expected: DNS names such as example.com, *.example.com or ${SECRET_DOMAIN}\n  found:    "exa mple.com"',
    );
  });

  it("does not compile with an unknown issuer or something that is not an issuer", () => {
    // @ts-expect-error cert-manager exports staging and production only
    const unknown = certs.issuers.letsencrypt;
    expect(unknown).toBeUndefined();
    // @ts-expect-error an issuer is a reference, not a name
    certificate({ name: "site", issuer: "letsencrypt-production", dnsNames: ["example.com"] });
    // @ts-expect-error a secret store is not an issuer
    certificate({ name: "site", issuer: secrets.secretStore, dnsNames: ["example.com"] });
  });
});
