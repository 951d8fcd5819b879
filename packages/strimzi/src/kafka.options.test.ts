import { objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type KafkaOptions, kafka, kafkaTopic, kafkaUser } from "./index.js";
import { base, cephBlock } from "./test-support.js";

const build = (options: Partial<KafkaOptions>) => kafka({ ...base, ...options });
const first = (options: Partial<KafkaOptions>, kind: string) =>
  objectsOf(build(options).app, kind)[0] as {
    metadata: Record<string, unknown>;
    spec: Record<string, unknown>;
  };
const scram = [
  { name: "tls", port: 9093, type: "internal", tls: true, authentication: "scram-sha-512" },
] as const;

describe("kafka options", () => {
  it("version: is the Kafka version the cluster runs", () => {
    expect(first({ version: "4.2.1" }, "Kafka").spec).toMatchObject({ kafka: { version: "4.2.1" } });
  });

  it("nodePools: one KafkaNodePool each, replication sized to the brokers", () => {
    const storage = { storageClass: cephBlock, size: "10Gi" };
    const events = build({
      nodePools: [
        { name: "controller", roles: ["controller"], replicas: 1, storage },
        { name: "broker", roles: ["broker"], replicas: 1, storage },
      ],
    });
    expect(objectsOf(events.app, "KafkaNodePool").map((p) => (p.metadata as { name: string }).name)).toEqual([
      "controller",
      "broker",
    ]);
    expect(objectsOf(events.app, "Kafka")[0]?.spec).toMatchObject({
      kafka: { config: { "default.replication.factor": 1, "min.insync.replicas": 1 } },
    });
    expect(events.ref.brokers).toBe(1);
  });

  it("listeners: become the Kafka's listeners with their authentication", () => {
    expect(first({ listeners: scram }, "Kafka").spec).toMatchObject({
      kafka: {
        listeners: [
          { authentication: { type: "scram-sha-512" }, name: "tls", port: 9093, tls: true, type: "internal" },
        ],
      },
    });
    expect(build({ listeners: scram }).ref.authentication).toEqual(["scram-sha-512"]);
  });

  it("topics: KafkaTopics of the cluster in its app", () => {
    const topic = first(
      { topics: [{ name: "orders", partitions: 12, replicas: 2, config: { "retention.ms": 86400000 } }] },
      "KafkaTopic",
    );
    expect(topic).toEqual({
      apiVersion: "kafka.strimzi.io/v1",
      kind: "KafkaTopic",
      metadata: { labels: { "strimzi.io/cluster": "events" }, name: "orders" },
      spec: { config: { "retention.ms": 86400000 }, partitions: 12, replicas: 2 },
    });
  });

  it("topics: default to one partition and three replicas where there are three brokers", () => {
    expect(first({ topics: [{ name: "audit.log", topicName: "audit_log" }] }, "KafkaTopic").spec).toEqual({
      partitions: 1,
      replicas: 3,
      topicName: "audit_log",
    });
  });

  it("users and authorization: KafkaUsers with their ACLs, on a cluster enforcing them", () => {
    const events = build({
      listeners: scram,
      authorization: true,
      users: [
        {
          name: "orders-app",
          acls: [
            { resource: { type: "topic", name: "orders" }, operations: ["Read", "Describe"] },
            { resource: { type: "group", name: "orders-", patternType: "prefix" }, operations: ["Read"] },
          ],
        },
      ],
    });
    expect(objectsOf(events.app, "Kafka")[0]?.spec).toMatchObject({
      kafka: { authorization: { type: "simple" } },
    });
    expect(objectsOf(events.app, "KafkaUser")[0]?.spec).toEqual({
      authentication: { type: "scram-sha-512" },
      authorization: {
        acls: [
          {
            operations: ["Read", "Describe"],
            resource: { name: "orders", patternType: "literal", type: "topic" },
            type: "allow",
          },
          {
            operations: ["Read"],
            resource: { name: "orders-", patternType: "prefix", type: "group" },
            type: "allow",
          },
        ],
        type: "simple",
      },
    });
  });

  it("users: TLS users where a listener authenticates by certificate", () => {
    const listeners = [
      { name: "mtls", port: 9094, type: "internal", tls: true, authentication: "tls" },
    ] as const;
    const user = kafkaUser({ kafka: build({ listeners }).ref, name: "audit", authentication: "tls" });
    expect(user.object.spec.authentication).toEqual({ type: "tls" });
  });

  it("config: is merged over the replication defaults", () => {
    expect(
      first({ config: { "min.insync.replicas": 1, "auto.create.topics.enable": false } }, "Kafka").spec,
    ).toMatchObject({
      kafka: {
        config: {
          "auto.create.topics.enable": false,
          "default.replication.factor": 3,
          "min.insync.replicas": 1,
        },
      },
    });
  });

  it("layer, folder and dir: place the app", () => {
    expect(build({ layer: "apps", folder: "streaming", dir: "kafka" }).app).toMatchObject({
      name: "events",
      layer: "apps",
      folder: "streaming",
      dir: "kafka",
    });
  });

  it("namespace: is the cluster's, its topics' and its endpoints'", () => {
    const events = kafka({ ...base, namespace: "streaming" });
    expect([events.app.namespace, events.ref.namespace, events.bootstrap.plain.host]).toEqual([
      "streaming",
      "streaming",
      "events-kafka-bootstrap.streaming.svc.cluster.local",
    ]);
    expect(kafkaTopic({ kafka: events.ref, name: "t" }).uses).toEqual([
      {
        type: "App",
        name: "events",
        namespace: "streaming",
        provider: { name: "events", namespace: "streaming" },
      },
    ]);
  });
});
