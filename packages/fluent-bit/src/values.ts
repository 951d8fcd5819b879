import {
  customParsers,
  filterSections,
  inputSections,
  NODE_NAME_ENV,
  outputSections,
  serviceSection,
} from "./config.js";
import type { ResolvedFluentBitOptions } from "./options.js";

/**
 * Values of the fluent-bit chart: a DaemonSet on every node (taints tolerated) in the host network, so Talos can
 * reach it on 127.0.0.1; the node's /var/log mounted for container and audit logs and for the collector's state.
 * The chart renders `config.*` into `fluent-bit.conf` through Helm's `tpl`, so the sections carry no `{{ … }}`.
 */
export function fluentBitValues(o: ResolvedFluentBitOptions): Record<string, unknown> {
  return {
    config: {
      customParsers: customParsers(o),
      filters: filterSections(o),
      inputs: inputSections(o),
      outputs: outputSections(o),
      service: serviceSection(o),
    },
    daemonSetVolumeMounts: [{ mountPath: "/var/log", name: "varlog" }],
    daemonSetVolumes: [{ hostPath: { path: "/var/log" }, name: "varlog" }],
    dnsPolicy: "ClusterFirstWithHostNet",
    env: [{ name: NODE_NAME_ENV, valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
    hostNetwork: true,
    kind: "DaemonSet",
    priorityClassName: "system-node-critical",
    resources: { limits: { memory: "256Mi" }, requests: { cpu: "50m", memory: "64Mi" } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
    },
    serviceMonitor: { enabled: o.serviceMonitor },
    tolerations: [{ operator: "Exists" }],
  };
}
