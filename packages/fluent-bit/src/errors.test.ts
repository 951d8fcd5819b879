import { OptionError } from "@k8s-ops/core";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { fluentBit, type LogsHub } from "./index.js";
import { apps, base, inCluster } from "./test-support.js";

const message = optionMessage("fluent-bit");

describe("fluentBit rejects invalid options", () => {
  it("a host that is no host name or address", () => {
    const build = () => fluentBit({ ...base, logsHub: { ...inCluster, host: "http://victoria-logs:9428" } });
    expect(build).toThrow(OptionError);
    expect(build).toThrow(
      message(
        "logsHub.host",
        "not a host name or address",
        "a name such as logs.example.com or an IPv4 address",
        '"http://victoria-logs:9428"',
      ),
    );
  });

  it("an in-cluster Service name of a hub in another cluster", () => {
    expect(() => fluentBit({ settings: apps, logsHub: inCluster })).toThrow(
      message(
        "logsHub.host",
        "the hub runs in cluster infra, but an in-cluster Service name resolves in this cluster (apps)",
        "an address or name cluster apps reaches cluster infra by",
        "victoria-logs.observability.svc.cluster.local",
      ),
    );
  });

  it("a Service provided in another cluster than the hub's", () => {
    // GIVEN a hub said to run in apps, with infra's Service
    expect(() => fluentBit({ settings: apps, logsHub: { ...inCluster, cluster: "apps" } })).toThrow(
      message(
        "logsHub.service",
        "the Service is provided in cluster infra, but the hub runs in cluster apps",
        "VictoriaLogs' Service of cluster apps",
        "observability/victoria-logs of cluster infra",
      ),
    );
  });

  it("a port out of range", () => {
    expect(() => fluentBit({ ...base, logsHub: { ...inCluster, port: 70000 } })).toThrow(
      message("logsHub.port", "not a port number", "an integer in 1..65535", "70000"),
    );
  });

  it("a path that is not the JSON-lines endpoint, or carries a query", () => {
    const expected = "/insert/jsonline, optionally after a prefix, without a query";
    expect(() =>
      fluentBit({ ...base, logsHub: { ...inCluster, path: "/insert/elasticsearch/_bulk" } }),
    ).toThrow(
      message(
        "logsHub.path",
        "not VictoriaLogs' JSON-lines ingestion path",
        expected,
        '"/insert/elasticsearch/_bulk"',
      ),
    );
    expect(() =>
      fluentBit({ ...base, logsHub: { ...inCluster, path: "/insert/jsonline?_msg_field=log" } }),
    ).toThrow(
      message(
        "logsHub.path",
        "not VictoriaLogs' JSON-lines ingestion path",
        expected,
        '"/insert/jsonline?_msg_field=log"',
      ),
    );
  });

  it("a header that Fluent Bit's Header line cannot carry", () => {
    expect(() => fluentBit({ ...base, logsHub: { ...inCluster, headers: { AccountID: "1 2" } } })).toThrow(
      message(
        "logsHub.headers",
        "not an HTTP header",
        "a token name and a value without spaces",
        '"AccountID: 1 2"',
      ),
    );
  });

  it("no stream fields, or one that is no record field", () => {
    expect(() => fluentBit({ ...base, streamFields: [] })).toThrow(
      message(
        "streamFields",
        "VictoriaLogs needs at least one stream field",
        "record fields such as cluster and node",
        "[]",
      ),
    );
    expect(() => fluentBit({ ...base, streamFields: ["cluster", "pod name"] })).toThrow(
      message(
        "streamFields",
        "not a record field",
        "letters, digits, '-' and '_', dotted for nested keys",
        '"pod name"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the hub is required
    expect(() => fluentBit({ settings: apps })).toThrow();
    // @ts-expect-error the port is a number
    expect(() => fluentBit({ ...base, logsHub: { ...inCluster, port: "9428" } })).toThrow();
    // @ts-expect-error the hub is a typed value, not a URL
    expect(() => fluentBit({ ...base, logsHub: "http://victoria-logs:9428/insert/jsonline" })).toThrow();
    // @ts-expect-error not a Fluent Bit log level
    fluentBit({ ...base, logLevel: "verbose" });
    // @ts-expect-error unknown option
    fluentBit({ ...base, journald: true });
    // @ts-expect-error the hub's Service is required: the collector carries it
    const noService: LogsHub = {
      cluster: "infra",
      host: "10.25.11.73",
      port: 9428,
      path: "/insert/jsonline",
    };
    expect(() => fluentBit({ ...base, logsHub: noService })).toThrow();
  });
});
