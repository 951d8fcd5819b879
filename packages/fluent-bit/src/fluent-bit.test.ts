import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, settingsVariables } from "@k8s-ops/core";
import { appOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fluentBit, type LogsHub } from "./index.js";
import {
  apps,
  base,
  config,
  fluxSubstitute,
  infra,
  sectionsOf,
  service,
  values,
  victoriaLogsStandIn,
} from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = apps;

describe("fluentBit", () => {
  it("renders the README example as the reviewed snapshot", async () => {
    // GIVEN the README example: the apps cluster forwarding to VictoriaLogs on infra
    // README:start
    const logsHub: LogsHub = {
      cluster: "infra",
      service,
      host: "logs.${SECRET_DOMAIN}",
      port: 443,
      path: "/insert/jsonline",
      tls: true,
    };
    const logs = fluentBit({ settings, logsHub });
    // README:end
    // WHEN it is rendered THEN it validates, matches the snapshot, and the README shows the example and its YAML
    const yaml = componentYaml(logs, settings);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/fluent-bit.default.yaml");
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("escapes Fluent Bit's environment references so Flux hands them over untouched", () => {
    // GIVEN the rendered HelmRelease of a cluster with its settings variables
    const rendered = renderComponents([victoriaLogsStandIn, fluentBit(base)], infra);
    const file = rendered.files.get("apps/observability/fluent-bit/app/helmrelease.yaml") ?? "";
    expect(rendered.findings).toEqual([]);
    // THEN every ${…} Flux would substitute is a variable of the cluster; Fluent Bit's own are written $${…}
    const fluxVariables = [...file.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((m) => m[1]);
    expect(fluxVariables).toEqual([]);
    expect(file).toContain("Add    node $${NODE_NAME}");
    // AND after Flux's substitution Fluent Bit reads ${NODE_NAME} from the pod's environment
    const applied = parse(fluxSubstitute(file, settingsVariables(infra)).split("---\n")[1] ?? "");
    expect(sectionsOf(applied.spec.values.config.filters, "FILTER").at(-1)).toEqual([
      "Name modify",
      "Alias identity",
      "Match *",
      "Add cluster infra",
      "Add node ${NODE_NAME}",
    ]);
    expect(applied.spec.values.env).toEqual([
      { name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
    ]);
  });

  it("tails container logs with the CRI parser and adds Kubernetes metadata to them", () => {
    // GIVEN the defaults WHEN built
    const { inputs, filters } = config();
    // THEN containers are tailed from /var/log/containers, positions and buffer kept on the node
    expect(sectionsOf(inputs, "INPUT")[0]).toEqual([
      "Name tail",
      "Alias containers",
      "Tag kube.*",
      "Path /var/log/containers/*.log",
      "multiline.parser cri",
      "DB /var/log/fluent-bit-containers.db",
      "Skip_Long_Lines On",
      "Refresh_Interval 10",
      "storage.type filesystem",
    ]);
    // AND the kubernetes filter merges JSON logs and adds pod metadata and labels
    expect(sectionsOf(filters, "FILTER")[0]).toEqual([
      "Name kubernetes",
      "Alias kubernetes",
      "Match kube.*",
      "Kube_Tag_Prefix kube.var.log.containers.",
      "Merge_Log On",
      "Keep_Log Off",
      "K8S-Logging.Parser On",
      "K8S-Logging.Exclude On",
      "Labels On",
      "Annotations Off",
    ]);
  });

  it("receives Talos service and kernel logs on localhost and marks every record with its source", () => {
    // GIVEN the defaults WHEN built
    const { inputs, filters } = config();
    // THEN two TCP inputs listen on 127.0.0.1 for Talos' JSON lines
    const tcp = sectionsOf(inputs, "INPUT").filter((s) => s.includes("Name tcp"));
    expect(tcp.map((s) => s.filter((l) => /^(Tag|Listen|Port|Format) /.test(l)))).toEqual([
      ["Tag talos.services", "Listen 127.0.0.1", "Port 6051", "Format json"],
      ["Tag talos.kernel", "Listen 127.0.0.1", "Port 6050", "Format json"],
    ]);
    // AND each input's records get a source: container, talos, kernel, audit
    const sources = sectionsOf(filters, "FILTER").flatMap((s) => s.filter((l) => l.startsWith("Add source")));
    expect(sources).toEqual([
      "Add source container",
      "Add source talos",
      "Add source kernel",
      "Add source audit",
    ]);
  });

  it("sends JSON lines to VictoriaLogs with the stream, message and time fields", () => {
    // GIVEN a hub in the same cluster WHEN built
    const [output] = sectionsOf(config().outputs, "OUTPUT");
    // THEN the http output posts gzip'd JSON lines to /insert/jsonline, retrying forever from the disk buffer
    expect(output).toEqual([
      "Name http",
      "Alias victoria-logs",
      "Match *",
      "Host victoria-logs.observability.svc.cluster.local",
      "Port 9428",
      "URI /insert/jsonline?_stream_fields=cluster,node,source,kubernetes.namespace_name,kubernetes.pod_name,kubernetes.container_name,talos-service&_msg_field=log,msg,message&_time_field=date",
      "Format json_lines",
      "Json_Date_Key date",
      "Json_Date_Format iso8601",
      "Compress gzip",
      "tls Off",
      "Retry_Limit no_limits",
      "storage.total_limit_size 1G",
    ]);
  });

  it("runs on every node in the host network, with /var/log mounted, in a privileged namespace", () => {
    // GIVEN the defaults WHEN built
    const component = fluentBit(base);
    // THEN a DaemonSet tolerating every taint runs in the host network with the node's /var/log
    expect(values()).toMatchObject({
      kind: "DaemonSet",
      hostNetwork: true,
      dnsPolicy: "ClusterFirstWithHostNet",
      tolerations: [{ operator: "Exists" }],
      daemonSetVolumes: [{ name: "varlog", hostPath: { path: "/var/log" } }],
      daemonSetVolumeMounts: [{ name: "varlog", mountPath: "/var/log" }],
    });
    // AND its namespace allows host paths and the host network
    expect(appOf(component, "fluent-bit")).toMatchObject({
      layer: "platform",
      namespaceLabels: { "pod-security.kubernetes.io/enforce": "privileged" },
    });
  });

  it("points the chart's parser files at the chart's own mount paths", () => {
    // GIVEN the defaults WHEN built THEN the service section loads the built-in and the custom parsers
    expect(sectionsOf(config().service, "SERVICE")[0]).toContain(
      "Parsers_File /fluent-bit/etc/conf/custom_parsers.conf",
    );
    expect(sectionsOf(config().customParsers, "PARSER")[0]).toEqual([
      "Name audit",
      "Format json",
      "Time_Key requestReceivedTimestamp",
      "Time_Format %Y-%m-%dT%H:%M:%S.%L%z",
    ]);
  });
});
