import { FLUX_SOURCE } from "@k8s-ops/core";
import { Receiver } from "@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1/Receiver";
import { Alert } from "@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Alert";
import { Provider } from "@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Provider";
import type { FluxReceiverOptions, ResolvedNotifications } from "./options.js";

/**
 * The kinds the Alert reports on. FluxInstance is not among them: the Alert CRD (notification-controller v1beta3)
 * accepts only Flux's own source, kustomize, helm and image kinds as event sources.
 */
export const ALERT_KINDS = ["GitRepository", "HelmRelease", "Kustomization", "OCIRepository"] as const;

/** Name of the GitHub Receiver; its webhook path is in its status (`/hook/<sha256>`). */
export const RECEIVER_NAME = "github-webhook";

/** The Service notification-controller serves receiver webhooks on (port 80), created by the FluxInstance. */
export const WEBHOOK_SERVICE = { name: "webhook-receiver", port: 80 } as const;

export function provider(n: ResolvedNotifications): Provider {
  return new Provider({
    metadata: { name: n.name },
    spec: {
      type: n.type,
      ...(n.address ? { address: n.address } : {}),
      ...(n.channel ? { channel: n.channel } : {}),
      ...(n.secretName ? { secretRef: { name: n.secretName } } : {}),
    },
  });
}

/** Every event of the listed kinds in the listed namespaces, tagged with the cluster's name. */
export function alert(n: ResolvedNotifications): Alert {
  return new Alert({
    metadata: { name: n.name },
    spec: {
      eventMetadata: { cluster: "${CLUSTER_NAME}" },
      eventSeverity: n.eventSeverity,
      eventSources: n.namespaces.flatMap((namespace) =>
        ALERT_KINDS.map((kind) => ({ kind, name: "*", namespace })),
      ),
      providerRef: { name: n.name },
    },
  });
}

/** GitHub push (and ping) events make Flux fetch the cluster's GitRepository (the FluxInstance's sync) at once. */
export function receiver(r: FluxReceiverOptions): Receiver {
  return new Receiver({
    metadata: { name: RECEIVER_NAME },
    spec: {
      events: ["ping", "push"],
      resources: [
        {
          apiVersion: "source.toolkit.fluxcd.io/v1",
          kind: FLUX_SOURCE.kind,
          name: FLUX_SOURCE.name,
          namespace: FLUX_SOURCE.namespace,
        },
      ],
      secretRef: { name: r.secretName },
      type: "github",
    },
  });
}
