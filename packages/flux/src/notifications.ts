import { FLUX_SOURCE } from "@k8s-ops/core";
import { Receiver } from "@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1/Receiver";
import { Alert } from "@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Alert";
import { Provider } from "@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Provider";
import {
  COMMIT_STATUS_PROVIDERS,
  type FluxReceiverOptions,
  type ResolvedNotifications,
  secretNameOf,
} from "./options.js";

/**
 * The kinds the Alert reports on. FluxInstance is not among them: the Alert CRD (notification-controller v1beta3)
 * accepts only Flux's own source, kustomize, helm and image kinds as event sources.
 */
export const ALERT_KINDS = ["GitRepository", "HelmRelease", "Kustomization", "OCIRepository"] as const;

/**
 * The kinds a commit-status Alert reports on: only Kustomization events carry the Git commit the status is posted
 * to (Flux's "Git commit status updates"); the others' revisions are chart versions and OCI digests.
 */
export const COMMIT_STATUS_KINDS = ["Kustomization"] as const;

/** What the Alert of a Provider type watches. */
export function alertKinds(n: ResolvedNotifications): readonly (typeof ALERT_KINDS)[number][] {
  return COMMIT_STATUS_PROVIDERS.includes(n.type) ? COMMIT_STATUS_KINDS : ALERT_KINDS;
}

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
      ...(n.secret ? { secretRef: { name: secretNameOf(n.secret) } } : {}),
    },
  });
}

/** Every event of the Provider's kinds in the listed namespaces, tagged with the cluster's name. */
export function alert(n: ResolvedNotifications): Alert {
  return new Alert({
    metadata: { name: n.name },
    spec: {
      eventMetadata: { cluster: "${CLUSTER_NAME}" },
      eventSeverity: n.eventSeverity,
      eventSources: n.namespaces.flatMap((namespace) =>
        alertKinds(n).map((kind) => ({ kind, name: "*", namespace })),
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
      secretRef: { name: secretNameOf(r.secret) },
      type: "github",
    },
  });
}
