import { type ChartSource, type Component, helmApp, OptionError, packageOf } from "@k8s-ops/core";
import { type ResolvedSpegelOptions, resolveOptions, type SpegelOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const SPEGEL_CHART: ChartSource = {
  url: "oci://ghcr.io/spegel-org/helm-charts/spegel",
  // renovate: datasource=docker depName=ghcr.io/spegel-org/helm-charts/spegel
  tag: "0.7.4",
};

const REGISTRY = /^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/;

export interface Spegel extends Component {
  /** The registries Spegel mirrors, as `https://host`. */
  readonly mirroredRegistries: readonly string[];
}

/** Spegel on every node: images already pulled anywhere in the cluster are served peer-to-peer first. */
export function spegel(options: SpegelOptions = {}): Spegel {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = helmApp({
    name: "spegel",
    namespace: o.namespace,
    layer: "controllers",
    chart: SPEGEL_CHART,
    values: spegelValues(o),
  });
  return { name: "spegel", source: SOURCE, apps: [app], mirroredRegistries: o.mirroredRegistries };
}

function spegelValues(o: ResolvedSpegelOptions): Record<string, unknown> {
  return {
    serviceMonitor: { enabled: o.serviceMonitor },
    spegel: {
      containerdRegistryConfigPath: o.containerdRegistryConfigPath,
      containerdSock: "/run/containerd/containerd.sock",
      mirroredRegistries: [...o.mirroredRegistries],
    },
  };
}

function checkOptions(o: ResolvedSpegelOptions): void {
  if (o.mirroredRegistries.length === 0) {
    throw new OptionError({
      path: "spegel: mirroredRegistries",
      message: "Spegel needs at least one registry to mirror",
      expected: "a non-empty list of https://host entries",
      found: "[]",
    });
  }
  const invalid = o.mirroredRegistries.find((registry) => !REGISTRY.test(registry));
  if (invalid !== undefined) {
    throw new OptionError({
      path: "spegel: mirroredRegistries",
      message: "a mirrored registry is not a registry URL",
      expected: "https://host or https://host:port, without a path",
      found: invalid,
    });
  }
  const duplicate = o.mirroredRegistries.find((registry, i) => o.mirroredRegistries.indexOf(registry) !== i);
  if (duplicate !== undefined) {
    throw new OptionError({
      path: "spegel: mirroredRegistries",
      message: "a registry is listed twice",
      expected: "each registry once",
      found: duplicate,
    });
  }
  if (!o.containerdRegistryConfigPath.startsWith("/")) {
    throw new OptionError({
      path: "spegel: containerdRegistryConfigPath",
      message: "the containerd registry configuration path must be absolute",
      expected: "an absolute node path such as /etc/cri/conf.d/hosts",
      found: o.containerdRegistryConfigPath,
    });
  }
}
