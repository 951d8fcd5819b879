// Fixtures this package's tests share (not exported from index.ts).
import { externalSecrets } from "@k8s-ops/external-secrets";
import type { CertManagerOptions } from "./index.js";

/** The cluster's secret store: the issuers read the Cloudflare token from it. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** The required options only. */
export const base: CertManagerOptions = {
  store: secrets.secretStore,
  email: "admin@example.com",
  dnsZones: ["example.com"],
};
