import type { GatewayRef, SecretStoreRef } from "@k8s-ops/core";
import { type DashboardSpec, DEFAULT_DASHBOARDS } from "./dashboards.js";

/** An HTTP API Grafana queries: vmselect's Prometheus API, or VictoriaLogs' base URL. */
export interface DatasourceEndpoint {
  readonly url: string;
  /** HTTP headers Grafana sends with every query (the logs tenant's are added per tenant). @default none */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A cluster whose metrics and logs the hubs keep in a tenant of its own, its id (`CLUSTER_ID`). A cluster's
 * `ClusterSettings` is one.
 */
export interface Tenant {
  readonly name: string;
  readonly id: number;
}

/** The OAuth2 endpoints of the identity provider. */
export interface OidcEndpoints {
  readonly auth: string;
  readonly token: string;
  readonly userInfo: string;
}

/** An OpenID Connect provider as Grafana's generic OAuth speaks to it (`authentikProvider()` builds one). */
export interface OidcProvider {
  /** The issuer, e.g. `https://auth.${SECRET_DOMAIN}/application/o/grafana/`. */
  readonly issuerUrl: string;
  readonly endpoints: OidcEndpoints;
  /** The scopes that carry the claims Grafana reads (name, email, groups). */
  readonly scopes: readonly string[];
}

/** Single sign-on through an OpenID Connect provider (Grafana's generic OAuth). */
export interface SsoOptions {
  /** The provider: `authentikProvider(authentik, "grafana")` for an application of the authentik component. */
  readonly provider: OidcProvider;
  /** The store the client id and secret are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The 1Password item holding the client's credentials. @default "grafana" */
  readonly item?: string;
  /** The item's field with the client id. @default "GRAFANA_OIDC_CLIENT_ID" */
  readonly clientIdField?: string;
  /** The item's field with the client secret. @default "GRAFANA_OIDC_CLIENT_SECRET" */
  readonly clientSecretField?: string;
  /** The login button's label. @default "SSO" */
  readonly displayName?: string;
  /** Scopes requested. @default the provider's `scopes` */
  readonly scopes?: readonly string[];
  /**
   * JMESPath mapping the token's claims to a Grafana role.
   * @default members of `grafana-admins` are Admin, of `grafana-editors` Editor, everyone else Viewer
   */
  readonly roleAttributePath?: string;
}

export interface GrafanaOptions {
  /** The gateway Grafana is served on (envoy-gateway's `gateways.internal`). */
  readonly gateway: GatewayRef;
  /**
   * Prometheus-compatible query API of the metrics hub over every tenant: vmselect's
   * `…/select/multitenant/prometheus` (victoria-metrics' `queryUrl(hub, settings, "multitenant")`).
   */
  readonly metrics: DatasourceEndpoint;
  /** VictoriaLogs' HTTP API (its base URL, port 9428): one datasource per tenant, chosen by `AccountID`. */
  readonly logs: DatasourceEndpoint;
  /**
   * The clusters whose data Grafana shows (the platform's `CLUSTERS`): each gets a VictoriaLogs datasource on its
   * tenant, and the metrics datasource must read them all. The first is the one dashboards' `logs` inputs use.
   */
  readonly tenants: readonly Tenant[];
  /** Host name of Grafana. @default "grafana.${SECRET_DOMAIN}" */
  readonly hostname?: string;
  /** Namespace of the operator and the instance. @default "observability" */
  readonly namespace?: string;
  /** Dashboards as code, from grafana.com (id and revision) or a pinned URL. @default `DEFAULT_DASHBOARDS` */
  readonly dashboards?: readonly DashboardSpec[];
  /** Log in with an OpenID Connect provider; without it only the operator's admin account logs in. @default none */
  readonly sso?: SsoOptions;
}

export interface ResolvedSsoOptions extends Required<SsoOptions> {}

export interface ResolvedGrafanaOptions extends Required<Omit<GrafanaOptions, "sso">> {
  readonly sso: ResolvedSsoOptions | undefined;
}

export const DEFAULT_ROLE_ATTRIBUTE_PATH =
  "contains(groups[*], 'grafana-admins') && 'Admin' || contains(groups[*], 'grafana-editors') && 'Editor' || 'Viewer'";

function resolveSso(sso: SsoOptions): ResolvedSsoOptions {
  return {
    provider: sso.provider,
    store: sso.store,
    item: sso.item ?? "grafana",
    clientIdField: sso.clientIdField ?? "GRAFANA_OIDC_CLIENT_ID",
    clientSecretField: sso.clientSecretField ?? "GRAFANA_OIDC_CLIENT_SECRET",
    displayName: sso.displayName ?? "SSO",
    scopes: sso.scopes ?? sso.provider.scopes,
    roleAttributePath: sso.roleAttributePath ?? DEFAULT_ROLE_ATTRIBUTE_PATH,
  };
}

export function resolveOptions(options: GrafanaOptions): ResolvedGrafanaOptions {
  return {
    gateway: options.gateway,
    metrics: options.metrics,
    logs: options.logs,
    tenants: options.tenants,
    hostname: options.hostname ?? "grafana.${SECRET_DOMAIN}",
    namespace: options.namespace ?? "observability",
    dashboards: options.dashboards ?? DEFAULT_DASHBOARDS,
    sso: options.sso && resolveSso(options.sso),
  };
}
