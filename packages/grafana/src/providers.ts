import { OptionError } from "@k8s-ops/core";
import type { OidcProvider } from "./options.js";

/** An authentik application slug: what its URLs carry. */
const SLUG = /^[-a-zA-Z0-9_]+$/;

/**
 * The OAuth2 provider of an authentik application: the issuer is per application (`/application/o/<slug>/`), the
 * authorize, token and userinfo endpoints are shared by all. `authentik` is the authentik component (its `url`,
 * `https://<hostname>`); `slug` the application's slug. authentik's `profile` scope carries the `groups` claim.
 */
export function authentikProvider(authentik: { readonly url: string }, slug = "grafana"): OidcProvider {
  if (!SLUG.test(slug))
    throw new OptionError({
      path: "authentikProvider: slug",
      message: "not an application slug",
      expected: "letters, digits, '-' and '_', such as grafana",
      found: JSON.stringify(slug),
    });
  const base = `${authentik.url.replace(/\/+$/, "")}/application/o`;
  return {
    issuerUrl: `${base}/${slug}/`,
    endpoints: {
      auth: `${base}/authorize/`,
      token: `${base}/token/`,
      userInfo: `${base}/userinfo/`,
    },
    scopes: ["openid", "profile", "email"],
  };
}
