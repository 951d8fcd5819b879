import type { PersistenceOptions, ResolvedOptions } from "./options.js";

/** What the add-ons put into the container: environment, `envFrom` Secrets, an extra metrics port. */
export interface ContainerExtras {
  readonly env: Readonly<Record<string, unknown>>;
  readonly envFrom: readonly string[];
}

/** The name of the claim the app mounts for a `pvc` volume. */
export function claimName(app: string, volume: string): string {
  return `${app}-${volume}`;
}

function container(o: ResolvedOptions, extras: ContainerExtras): Record<string, unknown> {
  const { image } = o;
  const env = { ...o.env, ...extras.env };
  return {
    image: { repository: image.repository, tag: `${image.tag}@${image.digest}` },
    ...(Object.keys(env).length > 0 ? { env } : {}),
    ...(extras.envFrom.length > 0
      ? { envFrom: extras.envFrom.map((name) => ({ secretRef: { name } })) }
      : {}),
    probes: o.probes,
    resources: o.resources,
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: o.securityContext.readOnlyRootFilesystem,
    },
  };
}

function volume(o: ResolvedOptions, name: string, v: PersistenceOptions): Record<string, unknown> {
  const globalMounts = [{ path: v.mountPath }];
  if ("pvc" in v) return { existingClaim: claimName(o.name, name), globalMounts };
  if ("nfs" in v) return { type: "nfs", server: v.nfs.server, path: v.nfs.path, globalMounts };
  return { type: "emptyDir", globalMounts };
}

/** app-template 5.x values: one Deployment, one Service (named as the app), the volumes. */
export function appValues(o: ResolvedOptions, extras: ContainerExtras): Record<string, unknown> {
  const { runAsUser, runAsGroup } = o.securityContext;
  const ports: Record<string, unknown> = { http: { port: o.port } };
  if (o.addons.metrics && o.addons.metrics.port !== o.port) ports.metrics = { port: o.addons.metrics.port };
  const persistence = Object.fromEntries(
    Object.entries(o.persistence).map(([name, v]) => [name, volume(o, name, v)]),
  );
  return {
    controllers: {
      [o.name]: {
        strategy: Object.values(o.persistence).some((v) => "pvc" in v) ? "Recreate" : "RollingUpdate",
        containers: { app: container(o, extras) },
      },
    },
    defaultPodOptions: {
      securityContext: {
        fsGroup: runAsGroup,
        fsGroupChangePolicy: "OnRootMismatch",
        runAsGroup,
        runAsNonRoot: true,
        runAsUser,
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
    ...(Object.keys(persistence).length > 0 ? { persistence } : {}),
    service: { app: { controller: o.name, forceRename: o.name, ports } },
  };
}
