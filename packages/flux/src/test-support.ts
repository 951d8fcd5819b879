// Stand-ins this package's tests share (not exported from index.ts): what external-secrets and envoy-gateway give a
// cluster, built without those packages, which this one does not depend on.
import {
  type Component,
  type KubeObject,
  reference,
  type SecretStoreRef,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { gatewaysStandIn, operatorStandIn } from "@k8s-ops/testing";
import type { DeployedSecret, WebhookRoute } from "./index.js";

/** An object of another package's kind, typed only as far as these tests read it. */
class ForeignObject implements KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  metadata: { name: string };
  readonly spec: Record<string, unknown>;

  constructor(apiVersion: string, kind: string, name: string, spec: Record<string, unknown>) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.metadata = { name };
    this.spec = spec;
  }

  toJSON(): unknown {
    return { apiVersion: this.apiVersion, kind: this.kind, metadata: this.metadata, spec: this.spec };
  }
}

/** external-secrets: the operator serving ExternalSecret and the store it provides. */
const operator = operatorStandIn({
  name: "external-secrets",
  namespace: "external-secrets",
  crds: ["external-secrets.io/*"],
});
export const store: SecretStoreRef = reference("SecretStore", operator, "onepassword-connect");

/** The gateways stage, serving the Gateway API kinds. */
export const gateways = gatewaysStandIn({ crds: true });

/** What the notifications stage is rendered beside. */
export const providers: readonly Component[] = [
  { name: "external-secrets", apps: [operator] },
  gateways.component,
];

/** A Secret from the store, as `storeSecret()` builds it: an ExternalSecret writing `<name>-secret`. */
export function deployedSecret(name: string, field: string): DeployedSecret {
  const object = new ForeignObject("external-secrets.io/v1", "ExternalSecret", name, {
    target: { name: `${name}-secret`, template: { data: { token: `{{ .${field} }}` } } },
  });
  return { object, uses: [store], secretName: `${name}-secret` };
}

/** A route to the webhook Service on the external gateway, as `httpRoute()` builds it. */
export function webhookRoute(service: ServiceEndpoint): WebhookRoute {
  const route = new ForeignObject("gateway.networking.k8s.io/v1", "HTTPRoute", "flux-webhook", {
    hostnames: ["flux-webhook.example.com"],
    parentRefs: [{ name: gateways.external.name, namespace: gateways.external.namespace }],
    rules: [{ backendRefs: [{ name: service.name, port: service.port }] }],
  });
  return { route, uses: [gateways.external] };
}
