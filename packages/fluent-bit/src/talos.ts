/**
 * Talos has no journald and no syslog files for its own services: machined, apid, trustd, containerd, kubelet and
 * etcd log to in-memory buffers (`talosctl logs <service>`), the kernel to its ring buffer (`talosctl dmesg`). Talos
 * sends both as JSON lines to TCP or UDP destinations set in the machine configuration. The collector listens for
 * them on each node's loopback address (it runs in the host network), one port per stream.
 */
export const TALOS_LOG_PORTS = { services: 6051, kernel: 6050 } as const;

/** The Talos machine configuration that sends a node's service and kernel logs to the collector on that node. */
export interface TalosLogForwarding {
  /** A patch of the v1alpha1 machine config: `machine.logging.destinations`. */
  readonly machinePatch: {
    readonly machine: {
      readonly logging: {
        readonly destinations: readonly [{ readonly endpoint: string; readonly format: "json_lines" }];
      };
    };
  };
  /** A `KmsgLogConfig` document: the kernel log's destination (its URL may have no path). */
  readonly kmsgLogConfig: {
    readonly apiVersion: "v1alpha1";
    readonly kind: "KmsgLogConfig";
    readonly name: string;
    readonly url: string;
  };
}

/** What every node's machine configuration needs for Fluent Bit to receive its Talos logs. */
export function talosLogForwarding(): TalosLogForwarding {
  return {
    machinePatch: {
      machine: {
        logging: {
          destinations: [{ endpoint: `tcp://127.0.0.1:${TALOS_LOG_PORTS.services}/`, format: "json_lines" }],
        },
      },
    },
    kmsgLogConfig: {
      apiVersion: "v1alpha1",
      kind: "KmsgLogConfig",
      name: "fluent-bit",
      url: `tcp://127.0.0.1:${TALOS_LOG_PORTS.kernel}`,
    },
  };
}

/** The two destinations as the talos package's `logForwarding` option takes them. */
export function talosLogDestinations(): { readonly services: string; readonly kernel: string } {
  const { machinePatch, kmsgLogConfig } = talosLogForwarding();
  return { services: machinePatch.machine.logging.destinations[0].endpoint, kernel: kmsgLogConfig.url };
}
