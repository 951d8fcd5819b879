import { describe, expect, it } from "vitest";
import {
  ClusterFilter,
  ClusterFluentBitConfig,
  ClusterInput,
  ClusterOutput,
  FluentBit,
} from "../src/generated/fluentbit.fluent.io/v1alpha2/index.js";

const labels = { "fluentbit.fluent.io/enabled": "true" };

describe("fluentbit.fluent.io/v1alpha2", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN a cluster-scoped input (no namespace)
    const input = new ClusterInput({ metadata: { name: "tail", labels }, spec: { tail: { tag: "kube.*" } } });
    // THEN apiVersion/kind come from the class
    expect(input.toJSON()).toEqual({
      apiVersion: "fluentbit.fluent.io/v1alpha2",
      kind: "ClusterInput",
      metadata: { name: "tail", labels },
      spec: { tail: { tag: "kube.*" } },
    });
  });

  it("validates the spoke's pipeline: FluentBit, config, tail input, kubernetes filter, http output", () => {
    // GIVEN the objects that ship container logs from apps to infra's VictoriaLogs
    const objects = [
      new FluentBit({
        metadata: { name: "fluent-bit", namespace: "observability" },
        spec: {
          image: "ghcr.io/fluent/fluent-operator/fluent-bit:4.0.3",
          fluentBitConfigName: "fluent-bit-config",
          positionDB: { hostPath: { path: "/var/lib/fluent-bit/" } },
          tolerations: [{ operator: "Exists" }],
        },
      }),
      new ClusterFluentBitConfig({
        metadata: { name: "fluent-bit-config" },
        spec: {
          service: { httpServer: true, httpPort: 2020, logLevel: "info" },
          inputSelector: { matchLabels: labels },
          filterSelector: { matchLabels: labels },
          outputSelector: { matchLabels: labels },
        },
      }),
      new ClusterInput({
        metadata: { name: "tail", labels },
        spec: {
          tail: {
            tag: "kube.*",
            path: "/var/log/containers/*.log",
            memBufLimit: "5MB",
            db: "/fluent-bit/tail/pos.db",
          },
        },
      }),
      new ClusterFilter({
        metadata: { name: "kubernetes", labels },
        spec: {
          match: "kube.*",
          filters: [{ kubernetes: { mergeLog: true, labels: false, annotations: false } }],
        },
      }),
      new ClusterOutput({
        metadata: { name: "victoria-logs", labels },
        spec: {
          match: "kube.*",
          http: {
            host: "victoria-logs.infra.example.com",
            port: 443,
            uri: "/insert/jsonline?_stream_fields=stream&_msg_field=log&_time_field=date",
            format: "json_lines",
            jsonDateFormat: "iso8601",
            tls: { verify: true },
          },
        },
      }),
    ];
    // WHEN each is validated THEN none throws
    for (const object of objects) expect(() => object.validate(), object.kind).not.toThrow();
  });

  it("rejects values outside the schema with ajv's message", () => {
    // GIVEN an http output on port 0 in an unknown format and a loki output without host
    const output = new ClusterOutput({
      metadata: { name: "bad" },
      // @ts-expect-error the types know the formats too
      spec: { http: { host: "logs", port: 0, format: "xml" } },
    });
    // @ts-expect-error host is required by the types as well
    const loki = new ClusterOutput({ metadata: { name: "loki" }, spec: { loki: { port: 3100 } } });
    // THEN each error names its field
    expect(() => output.validate()).toThrow(
      "data/spec/http/format must be equal to one of the allowed values, data/spec/http/port must be >= 1",
    );
    expect(() => loki.validate()).toThrow("data/spec/loki must have required property host");
  });

  it("rejects a wrong field type at compile time", () => {
    const config = new ClusterFluentBitConfig({
      metadata: { name: "c" },
      // @ts-expect-error httpPort is a number
      spec: { service: { httpPort: "2020" } },
    });
    expect(config.kind).toBe("ClusterFluentBitConfig");
  });
});
