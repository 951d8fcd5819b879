import type { SecretStoreRef } from "@k8s-ops/core";
import { type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import { Grafana } from "@kubernetes-models/grafana-operator/grafana.integreatly.org/v1beta1/Grafana";
import { INSTANCE_LABELS } from "./datasources.js";
import type { ResolvedGrafanaOptions, ResolvedSsoOptions } from "./options.js";

/** The Grafana instance; the operator names its Service `<name>-service`. */
export const INSTANCE_NAME = "grafana";
export const SERVICE = { name: `${INSTANCE_NAME}-service`, port: 3000 } as const;

type IniSections = Record<string, Record<string, string>>;

/** grafana.ini: no phoning home, the public URL, and generic OAuth when SSO is on. */
export function grafanaIni(o: ResolvedGrafanaOptions): IniSections {
  return {
    analytics: {
      check_for_plugin_updates: "false",
      check_for_updates: "false",
      feedback_links_enabled: "false",
      reporting_enabled: "false",
    },
    log: { mode: "console" },
    news: { news_feed_enabled: "false" },
    server: { root_url: `https://${o.hostname}` },
    ...(o.sso ? { "auth.generic_oauth": genericOauth(o.sso) } : {}),
  };
}

/** Grafana's generic OAuth against the OIDC provider; the client's id and secret come from the environment. */
function genericOauth(sso: ResolvedSsoOptions): Record<string, string> {
  return {
    allow_sign_up: "true",
    api_url: sso.provider.endpoints.userInfo,
    auth_url: sso.provider.endpoints.auth,
    email_attribute_path: "email",
    enabled: "true",
    groups_attribute_path: "groups",
    login_attribute_path: "preferred_username",
    name: sso.displayName,
    name_attribute_path: "name",
    role_attribute_path: sso.roleAttributePath,
    scopes: sso.scopes.join(" "),
    token_url: sso.provider.endpoints.token,
    use_pkce: "true",
    use_refresh_token: "true",
  };
}

/**
 * The OAuth client's credentials as the environment variables Grafana reads over grafana.ini
 * (`GF_AUTH_GENERIC_OAUTH_CLIENT_ID`, `…_CLIENT_SECRET`), from the 1Password item.
 */
export function oauthSecret(sso: ResolvedSsoOptions, store: SecretStoreRef): StoreSecret {
  return storeSecret({
    name: "grafana-oauth",
    store,
    item: sso.item,
    template: {
      GF_AUTH_GENERIC_OAUTH_CLIENT_ID: `{{ .${sso.clientIdField} }}`,
      GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET: `{{ .${sso.clientSecretField} }}`,
    },
  });
}

/** The Grafana instance the operator runs; with SSO its container takes the client's Secret as environment. */
export function grafanaInstance(o: ResolvedGrafanaOptions, oauth: StoreSecret | undefined): Grafana {
  const deployment = oauth && {
    spec: {
      template: {
        spec: { containers: [{ envFrom: [{ secretRef: { name: oauth.secretName } }], name: "grafana" }] },
      },
    },
  };
  return new Grafana({
    metadata: { name: INSTANCE_NAME, labels: { ...INSTANCE_LABELS } },
    spec: { config: grafanaIni(o), deployment },
  });
}
