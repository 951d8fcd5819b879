import type { VMRule } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { vmRule } from "./rule.js";

/**
 * The rules the hub ships: recording rules every dashboard of the platform can lean on, and alerts about the
 * monitoring itself (a Watchdog that always fires, targets down, vmstorage filling up, agents failing to write).
 * Components add their own with `vmRule()`. A recording rule keeps `vm_account_id` among its labels, so VMAlert's
 * multitenant write files its result in the tenant of the cluster it describes.
 */
export function hubRules(name: string): VMRule {
  return vmRule({
    name: `${name}-rules`,
    groups: [
      {
        name: "k8s-ops.recording",
        rules: [
          { record: "cluster_job:up:avg", expr: "avg by (vm_account_id, cluster, job) (up)" },
          {
            record: "cluster:vm_rows_inserted:rate5m",
            expr: "sum by (vm_account_id, cluster) (rate(vm_rows_inserted_total[5m]))",
          },
        ],
      },
      {
        name: "k8s-ops.monitoring",
        rules: [
          {
            alert: "Watchdog",
            expr: "vector(1)",
            labels: { severity: "none" },
            annotations: { summary: "Always firing: proves alerts flow from VMAlert to Alertmanager." },
          },
          {
            alert: "TargetDown",
            expr: "up == 0",
            for: "10m",
            labels: { severity: "warning" },
            annotations: {
              summary:
                "{{ $labels.job }} target {{ $labels.instance }} in cluster {{ $labels.cluster }} is down.",
            },
          },
          {
            alert: "VMStorageDiskRunningOut",
            expr: "sum by (cluster, instance) (vm_free_disk_space_bytes) / sum by (cluster, instance) (vm_free_disk_space_bytes + vm_data_size_bytes) < 0.1",
            for: "30m",
            labels: { severity: "critical" },
            annotations: { summary: "vmstorage {{ $labels.instance }} has less than 10% of its disk left." },
          },
          {
            alert: "VMAgentRemoteWriteFailing",
            expr: "sum by (cluster, job) (rate(vmagent_remotewrite_retries_count_total[5m])) > 0",
            for: "15m",
            labels: { severity: "warning" },
            annotations: {
              summary: "vmagent in cluster {{ $labels.cluster }} keeps retrying its remote writes.",
            },
          },
        ],
      },
    ],
  });
}
