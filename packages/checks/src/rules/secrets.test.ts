import { defineApp, helmApp } from "@k8s-ops/core";
import { Secret } from "kubernetes-models/v1/Secret";
import { describe, expect, it } from "vitest";
import { inputOf, lines, viewOf } from "../test-support.js";
import { creationRules, plaintextSecrets } from "./secrets.js";

const chart = { url: "oci://r.example.org/c/web", tag: "1.0.0" };
const SOPS =
  "creation_rules:\n  - path_regex: clusters/.*\\.sops\\.ya?ml$\n    encrypted_regex: ^(data|stringData)$\n    age: age1example\n";
const ENCRYPTED =
  "apiVersion: v1\nkind: Secret\nmetadata: {name: token}\nstringData:\n  token: ENC[AES256_GCM,data:abc]\nsops:\n  mac: ENC[AES256_GCM,data:def]\n";
const web = helmApp({ name: "web", namespace: "default", layer: "apps", chart, files: ["secret.sops.yaml"] });
const FILE = "apps/default/web/app/secret.sops.yaml";

describe("plaintextSecrets", () => {
  it("reports a Secret rendered with its data in git", () => {
    // GIVEN an app rendering a Secret object
    const secret = new Secret({ metadata: { name: "token" }, stringData: { token: "hunter2" } });
    const app = defineApp({ name: "api", namespace: "default", layer: "apps", objects: [secret] });
    // WHEN
    const findings = plaintextSecrets(viewOf(inputOf([{ name: "api", apps: [app] }])), { sopsConfig: SOPS });
    // THEN
    expect(lines(findings)).toEqual([
      "PLAINTEXT_SECRET test › default/api › Secret default/token: a Secret with data is in git unencrypted",
    ]);
    expect(findings[0]?.found).toBe("plaintext in clusters/test/apps/default/api/app/secret.yaml");
  });

  it("accepts a sops-encrypted file a creation rule matches, applied with decryption", () => {
    const cluster = viewOf(inputOf([{ name: "web", apps: [web] }], { extra: { [FILE]: ENCRYPTED } }));
    expect(plaintextSecrets(cluster, { sopsConfig: SOPS })).toEqual([]);
  });

  it("reports an encrypted file no creation rule matches, and an unencrypted *.sops.yaml", () => {
    const encrypted = viewOf(inputOf([{ name: "web", apps: [web] }], { extra: { [FILE]: ENCRYPTED } }));
    expect(lines(plaintextSecrets(encrypted, {}))).toEqual([
      "SOPS_CONFIG test › default/web › Secret default/token: no creation rule of .sops.yaml matches the encrypted file",
    ]);
    const plain = viewOf(
      inputOf([{ name: "web", apps: [web] }], {
        extra: {
          [FILE]: "apiVersion: v1\nkind: Secret\nmetadata: {name: token}\nstringData: {token: hunter2}\n",
        },
      }),
    );
    expect(lines(plaintextSecrets(plain, { sopsConfig: SOPS }))).toEqual([
      "PLAINTEXT_SECRET test › default/web › Secret default/token: a Secret with data is in git unencrypted",
    ]);
  });

  it("reads the creation rules of .sops.yaml", () => {
    expect(creationRules(SOPS)).toEqual([
      { pathRegex: "clusters/.*\\.sops\\.ya?ml$", encryptedRegex: "^(data|stringData)$" },
    ]);
    expect(creationRules(undefined)).toBeUndefined();
  });
});
