import { type App, type ClusterIssuerRef, defineApp, type HealthCheckExpr, reference } from "@k8s-ops/core";
import { storeSecret } from "@k8s-ops/external-secrets";
import { ClusterIssuer } from "@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer";
import type { ResolvedCertManagerOptions } from "./options.js";

/** The Let's Encrypt ACME directories, by issuer. */
export const LETSENCRYPT_SERVERS = {
  staging: "https://acme-staging-v02.api.letsencrypt.org/directory",
  production: "https://acme-v02.api.letsencrypt.org/directory",
} as const;

export type IssuerName = keyof typeof LETSENCRYPT_SERVERS;

/** The ClusterIssuers a Certificate can take, by reference: an issuer not listed here does not compile. */
export interface Issuers {
  readonly staging: ClusterIssuerRef;
  readonly production: ClusterIssuerRef;
}

/** Flux health of a ClusterIssuer: ready once every Ready condition is True, failed once all are False. */
export const CLUSTER_ISSUER_HEALTH: HealthCheckExpr = {
  apiVersion: "cert-manager.io/v1",
  kind: "ClusterIssuer",
  current: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True')",
  failed: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')",
};

/** The key of the token in the Secret the issuers' ExternalSecret writes. */
const TOKEN_KEY = "api-token";

function clusterIssuer(which: IssuerName, o: ResolvedCertManagerOptions, tokenSecret: string): ClusterIssuer {
  const name = `letsencrypt-${which}`;
  return new ClusterIssuer({
    metadata: { name },
    spec: {
      acme: {
        email: o.email,
        privateKeySecretRef: { name },
        server: LETSENCRYPT_SERVERS[which],
        solvers: [
          {
            dns01: { cloudflare: { apiTokenSecretRef: { key: TOKEN_KEY, name: tokenSecret } } },
            selector: { dnsZones: [...o.dnsZones] },
          },
        ],
      },
    },
  });
}

/**
 * The issuers stage: the Cloudflare token from the secret store and the two Let's Encrypt ClusterIssuers, in
 * `cert-manager/issuers` because their CRD comes from the chart; Flux waits until both issuers are ready.
 */
export function issuersStage(o: ResolvedCertManagerOptions): { app: App; issuers: Issuers } {
  const token = storeSecret({
    name: "cert-manager-cloudflare",
    store: o.store,
    item: o.cloudflareItem,
    template: { [TOKEN_KEY]: `{{ .${o.cloudflareTokenField} }}` },
  });
  const app = defineApp({
    name: "cert-manager-issuers",
    namespace: o.namespace,
    layer: "config",
    folder: "cert-manager",
    dir: "issuers",
    objects: [
      token.object,
      clusterIssuer("staging", o, token.secretName),
      clusterIssuer("production", o, token.secretName),
    ],
    uses: token.uses,
    // Flux evaluates health expressions only for the objects it health-checks: wait for all of them.
    wait: true,
    healthCheckExprs: [CLUSTER_ISSUER_HEALTH],
  });
  const issuers = {
    staging: reference("ClusterIssuer", app, "letsencrypt-staging"),
    production: reference("ClusterIssuer", app, "letsencrypt-production"),
  };
  return { app, issuers };
}
