import { appOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { fluentBit, STREAM_FIELDS } from "./index.js";
import { apps, base, config, inCluster, sectionsOf, service, values } from "./test-support.js";

const outputLines = (options: Parameters<typeof config>[0]) =>
  sectionsOf(config(options).outputs, "OUTPUT")[0];

describe("fluentBit options", () => {
  it("settings: the cluster's name marks every record", () => {
    const identity = sectionsOf(
      config({ settings: apps, logsHub: { ...inCluster, host: "10.25.11.72" } }).filters,
      "FILTER",
    ).at(-1);
    expect(identity).toContain("Add cluster apps");
  });

  it("logsHub: host, port, path and tls say where and how records are sent", () => {
    // GIVEN the hub behind a TLS proxy with a path prefix, reached by name from the apps cluster
    const logsHub = {
      cluster: "infra",
      service,
      host: "logs.${SECRET_DOMAIN}",
      port: 443,
      path: "/vl/insert/jsonline",
      tls: true,
    };
    // WHEN built THEN the output targets it
    const output = outputLines({ settings: apps, logsHub });
    expect(output).toContain("Host logs.${SECRET_DOMAIN}");
    expect(output).toContain("Port 443");
    expect(output).toContain("tls On");
    expect(output?.find((l) => l.startsWith("URI "))).toMatch(/^URI \/vl\/insert\/jsonline\?_stream_fields=/);
  });

  it("logsHub.headers: are sent with every request (VictoriaLogs' tenant)", () => {
    const logsHub = { ...inCluster, headers: { AccountID: "1", ProjectID: "0" } };
    const output = outputLines({ logsHub });
    expect(output?.filter((l) => l.startsWith("Header "))).toEqual([
      "Header AccountID 1",
      "Header ProjectID 0",
    ]);
    expect(outputLines({})?.some((l) => l.startsWith("Header "))).toBe(false);
  });

  it("logsHub: takes what victoria-logs' logsInsert() gives, by its shape", () => {
    // GIVEN a value shaped like victoria-logs' LogsInsert (more fields than a LogsHub, tenant headers included)
    const insert: {
      readonly cluster: string;
      readonly service: typeof service;
      readonly host: string;
      readonly port: number;
      readonly path: string;
      readonly url: string;
      readonly tenant: number;
      readonly headers: { readonly AccountID: string; readonly ProjectID: string };
    } = {
      cluster: "infra",
      service,
      host: "10.25.11.72",
      port: 9428,
      path: "/insert/jsonline",
      url: "http://10.25.11.72:9428/insert/jsonline",
      tenant: 2,
      headers: { AccountID: "2", ProjectID: "0" },
    };
    // WHEN the apps cluster's collector is built with it THEN it sends there, into its tenant
    const output = outputLines({ settings: apps, logsHub: insert });
    expect(output).toContain("Host 10.25.11.72");
    expect(output).toContain("Header AccountID 2");
  });

  it("logsHub: an in-cluster Service name is fine when the hub runs in the same cluster", () => {
    expect(outputLines({})).toContain("Host victoria-logs.observability.svc.cluster.local");
  });

  it("logsHub.service: on the hub's cluster the collector waits for VictoriaLogs; elsewhere it only carries it", () => {
    // GIVEN a collector on infra and one on apps, both sending to infra's VictoriaLogs
    const local = fluentBit(base);
    const remote = fluentBit({ settings: apps, logsHub: { ...inCluster, host: "10.25.11.73" } });
    // THEN infra's app uses the Service (a dependsOn on victoria-logs); apps' uses nothing of infra
    expect(appOf(local, "fluent-bit").uses).toEqual([service]);
    expect(appOf(remote, "fluent-bit").uses).toEqual([]);
    // AND both carry it, naming cluster infra, for the cross-cluster checks
    expect(remote.hub).toEqual(service);
    expect(remote.hub.provider.cluster).toBe("infra");
  });

  it("serviceMonitor: the chart's ServiceMonitor, on by default", () => {
    expect(values().serviceMonitor).toEqual({ enabled: true });
    expect(values({ serviceMonitor: false }).serviceMonitor).toEqual({ enabled: false });
  });

  it("namespace: moves the release", () => {
    expect(fluentBit({ ...base, namespace: "logging" }).apps[0]?.namespace).toBe("logging");
  });

  it("talosLogs: false drops the Talos inputs and their filters", () => {
    const { inputs, filters } = config({ talosLogs: false });
    expect(inputs).not.toContain("Name          tcp");
    expect(filters).not.toContain("talos.");
    expect(sectionsOf(inputs, "INPUT").map((s) => s[1])).toEqual(["Alias containers", "Alias audit"]);
  });

  it("auditLogs: false drops the audit input, its filter and its parser", () => {
    const { inputs, filters, customParsers } = config({ auditLogs: false });
    expect(sectionsOf(inputs, "INPUT").map((s) => s[1])).toEqual([
      "Alias containers",
      "Alias talos-services",
      "Alias talos-kernel",
    ]);
    expect(filters).not.toContain("audit");
    expect(customParsers).toBe("");
  });

  it("streamFields: become VictoriaLogs' _stream_fields", () => {
    const uri = outputLines({ streamFields: ["cluster", "kubernetes.namespace_name"] })?.find((l) =>
      l.startsWith("URI"),
    );
    expect(uri).toBe(
      "URI /insert/jsonline?_stream_fields=cluster,kubernetes.namespace_name&_msg_field=log,msg,message&_time_field=date",
    );
    expect(STREAM_FIELDS).toContain("talos-service");
  });

  it("logLevel: is Fluent Bit's own log level", () => {
    expect(sectionsOf(config({ logLevel: "debug" }).service, "SERVICE")[0]).toContain("Log_Level debug");
  });

  it("logsHub.tls: defaults to plain HTTP", () => {
    expect(outputLines({})).toContain("tls Off");
    expect(appOf(fluentBit(base), "fluent-bit").name).toBe("fluent-bit");
  });
});
