import { fileURLToPath } from "node:url";
import { componentYaml, defineApp, renderComponents } from "@k8s-ops/core";
import { objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { kafka, kafkaTopic, kafkaUser } from "./index.js";
import { base, cephBlock, providers } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

function ksSpec(files: ReadonlyMap<string, string>, path: string) {
  const [ks] = parseAllDocuments(files.get(path) ?? "").map(
    (d) => d.toJS() as { spec: Record<string, unknown> },
  );
  return ks?.spec;
}

describe("kafka", () => {
  it("renders the README example: KRaft node pools, two listeners, a topic and a user", async () => {
    // GIVEN the README example
    // README:start
    const events = kafka({
      name: "events",
      namespace: "kafka",
      version: "4.3.1",
      nodePools: [
        {
          name: "controllers",
          roles: ["controller"],
          replicas: 3,
          storage: { storageClass: cephBlock, size: "10Gi" },
        },
        {
          name: "brokers",
          roles: ["broker"],
          replicas: 3,
          storage: { storageClass: cephBlock, size: "100Gi" },
        },
      ],
      listeners: [
        { name: "plain", port: 9092, type: "internal", tls: false },
        { name: "tls", port: 9093, type: "internal", tls: true, authentication: "scram-sha-512" },
      ],
      authorization: true,
      topics: [{ name: "orders", partitions: 6 }],
      users: [
        {
          name: "orders-app",
          acls: [{ resource: { type: "topic", name: "orders" }, operations: ["Read", "Write"] }],
        },
      ],
    });
    // README:end
    // WHEN rendered with the operator and the storage THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(events, undefined, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/kafka.default.yaml");
    // AND the README shows this very example and excerpts of this render
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("depends on the operator through its kinds and on the storage it uses, and waits for Kafka", () => {
    // GIVEN the base cluster WHEN rendered with its providers
    const rendered = renderComponents([...providers, kafka(base)]);
    // THEN it validates, depends on both, and is health-checked on the Kafka's Ready condition
    expect(rendered.findings).toEqual([]);
    const ks = ksSpec(rendered.files, "apps/kafka/events/ks.yaml");
    expect(ks?.dependsOn).toEqual([
      { name: "rook-ceph", namespace: "rook-ceph" },
      { name: "strimzi-kafka-operator", namespace: "strimzi" },
    ]);
    expect(ks).toMatchObject({
      wait: true,
      healthCheckExprs: [
        {
          apiVersion: "kafka.strimzi.io/v1",
          kind: "Kafka",
          current:
            "has(status.conditions) && status.conditions.exists(e, e.type == 'Ready' && e.status == 'True')",
        },
      ],
    });
  });

  it("runs KRaft on node pools, without the annotations Strimzi 1.x no longer reads", () => {
    // GIVEN the base cluster WHEN built
    const events = kafka(base);
    const [cluster] = objectsOf(events.app, "Kafka");
    const [pool] = objectsOf(events.app, "KafkaNodePool");
    // THEN the pool carries the cluster label, roles and a persistent volume shared with the metadata log
    expect(cluster?.metadata).toEqual({ name: "events" });
    expect(pool).toMatchObject({
      metadata: { labels: { "strimzi.io/cluster": "events" }, name: "kraft" },
      spec: {
        replicas: 3,
        roles: ["controller", "broker"],
        storage: {
          type: "jbod",
          volumes: [
            {
              class: "ceph-block",
              deleteClaim: false,
              id: 0,
              kraftMetadata: "shared",
              size: "50Gi",
              type: "persistent-claim",
            },
          ],
        },
      },
    });
    // AND the Kafka runs the version, listeners and entity operator given, replication sized to three brokers
    expect(cluster?.spec).toEqual({
      entityOperator: { topicOperator: {}, userOperator: {} },
      kafka: {
        config: {
          "default.replication.factor": 3,
          "min.insync.replicas": 2,
          "offsets.topic.replication.factor": 3,
          "transaction.state.log.min.isr": 2,
          "transaction.state.log.replication.factor": 3,
        },
        listeners: [{ name: "plain", port: 9092, tls: false, type: "internal" }],
        version: "4.3.1",
      },
    });
  });

  it("exports a bootstrap endpoint per listener, typed by listener name", () => {
    // GIVEN an internal and a load-balanced listener WHEN built
    const events = kafka({
      ...base,
      listeners: [...base.listeners, { name: "external", port: 9094, type: "loadbalancer", tls: true }],
    });
    // THEN internal listeners share the bootstrap service and others get their own
    expect(events.bootstrap.plain).toEqual({
      type: "Service",
      name: "events-kafka-bootstrap",
      namespace: "kafka",
      provider: { name: "events", namespace: "kafka" },
      port: 9092,
      host: "events-kafka-bootstrap.kafka.svc.cluster.local",
    });
    expect(events.bootstrap.external.host).toBe("events-kafka-external-bootstrap.kafka.svc.cluster.local");
    // @ts-expect-error there is no listener named tls
    expect(events.bootstrap.tls).toBeUndefined();
  });

  it("lets another app in the cluster's namespace declare topics and users, after the cluster", () => {
    // GIVEN a cluster accepting SCRAM users, and an app with a topic and a user of it
    const events = kafka({
      ...base,
      listeners: [{ name: "tls", port: 9093, type: "internal", tls: true, authentication: "scram-sha-512" }],
    });
    const topic = kafkaTopic({ kafka: events.ref, name: "payments" });
    const user = kafkaUser({ kafka: events.ref, name: "payments-app" });
    const payments = defineApp({
      name: "payments-kafka",
      namespace: events.ref.namespace,
      layer: "apps",
      objects: [topic.object, user.object],
      uses: [...topic.uses, ...user.uses],
    });
    // WHEN rendered THEN it validates and depends on the cluster's app and the operator
    const rendered = renderComponents([...providers, events, { name: "payments", apps: [payments] }]);
    expect(rendered.findings).toEqual([]);
    expect(ksSpec(rendered.files, "apps/kafka/payments-kafka/ks.yaml")?.dependsOn).toEqual([
      { name: "events", namespace: "kafka" },
      { name: "strimzi-kafka-operator", namespace: "strimzi" },
    ]);
    expect(user.secretName).toBe("payments-app");
  });
});
