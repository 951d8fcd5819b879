import {
  type ChartSource,
  type Component,
  helmApp,
  type KubeObject,
  packageOf,
  type Reference,
} from "@k8s-ops/core";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { storeSecret } from "@k8s-ops/external-secrets";
import { checkOptions } from "./checks.js";
import { SEAL_ENV, sealField, serverConfig } from "./config.js";
import { type OpenBaoOptions, type ResolvedOpenBaoOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const OPENBAO_CHART: ChartSource = {
  url: "oci://ghcr.io/openbao/charts/openbao",
  // renovate: datasource=docker depName=ghcr.io/openbao/charts/openbao
  tag: "0.29.3",
};

const NAME = "openbao";

export interface OpenBao extends Component {
  /** The in-cluster API address (the active node). */
  readonly address: string;
}

interface Extras {
  readonly objects: KubeObject[];
  readonly uses: Reference[];
  readonly env: Record<string, string>[];
}

/** OpenBao in HA mode on integrated Raft storage, optionally auto-unsealed (transit or static key) and routed. */
export function openBao(options: OpenBaoOptions): OpenBao {
  const o = resolveOptions(options);
  checkOptions(o);
  const extras = sealSecret(o);
  const route =
    o.gateway && o.hostname
      ? httpRoute({
          name: NAME,
          gateway: o.gateway,
          hostnames: [o.hostname],
          service: { name: NAME, port: 8200 },
        })
      : undefined;
  const app = helmApp({
    name: NAME,
    namespace: o.namespace,
    layer: "platform",
    chart: OPENBAO_CHART,
    values: openBaoValues(o, extras.env),
    objects: [...extras.objects, ...(route ? [route.route] : [])],
    uses: [o.storageClass, ...extras.uses, ...(route?.uses ?? [])],
  });
  return {
    name: NAME,
    source: SOURCE,
    apps: [app],
    address: `http://${NAME}-active.${o.namespace}.svc.cluster.local:8200`,
  };
}

function sealSecret(o: ResolvedOpenBaoOptions): Extras {
  if (!o.seal || !o.store) return { objects: [], uses: [], env: [] };
  const envName = SEAL_ENV[o.seal.type];
  const secret = storeSecret({
    name: `${NAME}-seal`,
    store: o.store,
    item: o.item,
    template: { [envName]: `{{ .${sealField(o.seal)} }}` },
  });
  return {
    objects: [secret.object],
    uses: [...secret.uses],
    env: [{ envName, secretKey: envName, secretName: secret.secretName }],
  };
}

function openBaoValues(o: ResolvedOpenBaoOptions, env: Record<string, string>[]): Record<string, unknown> {
  return {
    injector: { enabled: false },
    server: {
      dataStorage: { enabled: true, size: o.storageSize, storageClass: o.storageClass.name },
      ...(env.length > 0 ? { extraSecretEnvironmentVars: env } : {}),
      ha: {
        enabled: true,
        raft: { config: serverConfig(o), enabled: true, setNodeId: true },
        replicas: o.replicas,
      },
    },
    ui: { enabled: true },
  };
}
