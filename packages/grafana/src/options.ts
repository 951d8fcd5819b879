import type { GatewayRef, SecretStoreRef } from "@k8s-ops/core";
import { type DashboardSpec, DEFAULT_DASHBOARDS } from "./dashboards.js";

/** An HTTP API Grafana queries: vmselect's Prometheus API, or VictoriaLogs' base URL. */
export interface DatasourceEndpoint {
  readonly url: string;
  /**
   * HTTP headers Grafana sends with every query, e.g. VictoriaLogs' tenant `{ AccountID: "1", ProjectID: "0" }`.
   * @default none
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The OAuth2 endpoints of the identity provider. */
export interface OidcEndpoints {
  readonly auth: string;
  readonly token: string;
  readonly userInfo: string;
}

/** Single sign-on through an OpenID Connect provider (Grafana's generic OAuth). */
export interface SsoOptions {
  /** The issuer, e.g. `https://sso.${SECRET_DOMAIN}/realms/platform`. */
  readonly issuerUrl: string;
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
  /** The provider's endpoints. @default Keycloak's under the issuer: `/protocol/openid-connect/{auth,token,userinfo}` */
  readonly endpoints?: OidcEndpoints;
  /** Scopes requested. @default ["openid", "profile", "email", "groups"] */
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
  /** Prometheus-compatible query API of the metrics hub (vmselect's `…/select/<tenant>/prometheus`). */
  readonly metrics: DatasourceEndpoint;
  /** VictoriaLogs' HTTP API (its base URL, port 9428). */
  readonly logs: DatasourceEndpoint;
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
  const oidc = `${sso.issuerUrl}/protocol/openid-connect`;
  return {
    issuerUrl: sso.issuerUrl,
    store: sso.store,
    item: sso.item ?? "grafana",
    clientIdField: sso.clientIdField ?? "GRAFANA_OIDC_CLIENT_ID",
    clientSecretField: sso.clientSecretField ?? "GRAFANA_OIDC_CLIENT_SECRET",
    displayName: sso.displayName ?? "SSO",
    endpoints: sso.endpoints ?? {
      auth: `${oidc}/auth`,
      token: `${oidc}/token`,
      userInfo: `${oidc}/userinfo`,
    },
    scopes: sso.scopes ?? ["openid", "profile", "email", "groups"],
    roleAttributePath: sso.roleAttributePath ?? DEFAULT_ROLE_ATTRIBUTE_PATH,
  };
}

export function resolveOptions(options: GrafanaOptions): ResolvedGrafanaOptions {
  return {
    gateway: options.gateway,
    metrics: options.metrics,
    logs: options.logs,
    hostname: options.hostname ?? "grafana.${SECRET_DOMAIN}",
    namespace: options.namespace ?? "observability",
    dashboards: options.dashboards ?? DEFAULT_DASHBOARDS,
    sso: options.sso && resolveSso(options.sso),
  };
}
