import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type KafkaOptions, kafka, kafkaTopic, kafkaUser } from "./index.js";
import { base, cephBlock, operator } from "./test-support.js";

const message = optionMessage("kafka(events)");
const build = (options: Partial<KafkaOptions>) => () => kafka({ ...base, ...options });
const storage = { storageClass: cephBlock, size: "10Gi" };
const events = kafka(base);

describe("kafka errors", () => {
  it("rejects an even number of KRaft controllers", () => {
    expect(
      build({
        nodePools: [
          { name: "controllers", roles: ["controller"], replicas: 2, storage },
          { name: "brokers", roles: ["broker", "controller"], replicas: 2, storage },
        ],
      }),
    ).toThrow(
      message(
        "nodePools",
        "an even number of KRaft controllers survives no more failures than one controller fewer",
        "an odd number of controllers in all pools, such as 1, 3 or 5",
        "4",
      ),
    );
  });

  it("rejects a cluster without controllers or without brokers", () => {
    expect(build({ nodePools: [{ name: "brokers", roles: ["broker"], replicas: 3, storage }] })).toThrow(
      message("nodePools", "a KRaft cluster needs controllers", 'a pool with the "controller" role', "none"),
    );
    expect(
      build({ nodePools: [{ name: "controllers", roles: ["controller"], replicas: 3, storage }] }),
    ).toThrow(message("nodePools", "the cluster has no brokers", 'a pool with the "broker" role', "none"));
  });

  it("rejects pools with no nodes, no roles, a repeated name or a size that is not a quantity", () => {
    const pool = { name: "kraft", roles: ["controller", "broker"], replicas: 3, storage } as const;
    expect(build({ nodePools: [{ ...pool, replicas: 0 }] })).toThrow(
      message("nodePools.kraft.replicas", "a pool needs at least one node", "an integer ≥ 1", "0"),
    );
    expect(build({ nodePools: [{ ...pool, roles: [] }] })).toThrow(
      message(
        "nodePools.kraft.roles",
        "a pool needs its roles, each once",
        '["controller"], ["broker"] or both',
        "[]",
      ),
    );
    expect(build({ nodePools: [pool, pool] })).toThrow(
      message(
        "nodePools.kraft",
        "not a valid, unique pool name",
        "distinct DNS labels such as controllers and brokers",
        '"kraft"',
      ),
    );
    expect(build({ nodePools: [{ ...pool, storage: { storageClass: cephBlock, size: "lots" } }] })).toThrow(
      message(
        "nodePools.kraft.storage.size",
        "not a storage size",
        "a Kubernetes quantity such as 100Gi",
        '"lots"',
      ),
    );
  });

  it("rejects listeners Strimzi cannot create", () => {
    const plain = { name: "plain", port: 9092, type: "internal", tls: false } as const;
    expect(build({ listeners: [] })).toThrow(
      message("listeners", "clients need a listener", "at least one listener", "[]"),
    );
    expect(build({ listeners: [{ ...plain, port: 9404 }] })).toThrow(
      message(
        "listeners.plain.port",
        "not a port Strimzi can give a listener",
        "a distinct port from 9092 up, not 9404 or 9999",
        "9404",
      ),
    );
    expect(build({ listeners: [{ ...plain, name: "plain-text" }] })).toThrow(
      message(
        "listeners.plain-text",
        "not a valid, unique listener name",
        "distinct names of up to 11 lowercase letters and digits",
        '"plain-text"',
      ),
    );
    expect(build({ listeners: [{ ...plain, authentication: "tls" }] })).toThrow(
      message(
        "listeners.plain.authentication",
        "TLS client authentication needs a TLS listener",
        "tls: true",
        "tls: false",
      ),
    );
  });

  it("rejects a version Strimzi 1.2.0 does not run and an invalid name", () => {
    // @ts-expect-error 3.9.0 is not a Kafka version of Strimzi 1.2.0
    expect(build({ version: "3.9.0" })).toThrow(
      message(
        "version",
        "Strimzi 1.2.0 does not support this Kafka version",
        "one of 4.2.0, 4.2.1, 4.3.0, 4.3.1",
        '"3.9.0"',
      ),
    );
    expect(() => kafka({ ...base, name: "Events" })).toThrow(
      optionMessage("kafka(Events)")(
        "name",
        "not a valid cluster name",
        "a DNS label of at most 40 characters, such as events",
        '"Events"',
      ),
    );
  });

  it("rejects topics with more replicas than brokers or no partitions", () => {
    expect(() => kafkaTopic({ kafka: events.ref, name: "orders", replicas: 4 })).toThrow(
      optionMessage("kafkaTopic(orders)")(
        "replicas",
        "a partition cannot have more replicas than the cluster has brokers",
        "an integer from 1 to 3",
        "4",
      ),
    );
    expect(build({ topics: [{ name: "orders", partitions: 0 }] })).toThrow(
      optionMessage("kafkaTopic(orders)")(
        "partitions",
        "a topic needs at least one partition",
        "an integer ≥ 1",
        "0",
      ),
    );
  });

  it("rejects users no listener can authenticate and ACLs on a cluster that ignores them", () => {
    expect(() => kafkaUser({ kafka: events.ref, name: "orders-app" })).toThrow(
      optionMessage("kafkaUser(orders-app)")(
        "authentication",
        "no listener of Kafka events accepts it",
        "a listener with authentication",
        "scram-sha-512",
      ),
    );
    const scram = kafka({
      ...base,
      listeners: [{ name: "tls", port: 9093, type: "internal", tls: true, authentication: "scram-sha-512" }],
    });
    const acls = [{ resource: { type: "topic", name: "orders" }, operations: ["Read"] }] as const;
    expect(() => kafkaUser({ kafka: scram.ref, name: "orders-app", acls })).toThrow(
      optionMessage("kafkaUser(orders-app)")(
        "acls",
        "Kafka events does not enforce ACLs",
        "a cluster with authorization: true",
        "1 ACLs",
      ),
    );
  });

  it("rejects an ACL without a resource name and a topic name that is not an object name", () => {
    const scram = kafka({
      ...base,
      authorization: true,
      listeners: [{ name: "tls", port: 9093, type: "internal", tls: true, authentication: "scram-sha-512" }],
    });
    const acls = [{ resource: { type: "topic" }, operations: ["Read"] }] as const;
    expect(() => kafkaUser({ kafka: scram.ref, name: "reader", acls })).toThrow(
      optionMessage("kafkaUser(reader)")(
        "acls",
        "an ACL needs operations and, unless it is for the cluster, a resource name",
        'e.g. { resource: { type: "topic", name: "orders" }, operations: ["Read"] }',
        '{"resource":{"type":"topic"},"operations":["Read"]}',
      ),
    );
    expect(() => kafkaTopic({ kafka: events.ref, name: "Orders_V1" })).toThrow(
      optionMessage("kafkaTopic(Orders_V1)")(
        "name",
        "not a valid object name",
        "a lowercase RFC 1123 subdomain such as orders.v1",
        '"Orders_V1"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    const named = { storageClass: "ceph-block", size: "10Gi" };
    const pool = { name: "kraft", roles: ["controller", "broker"], replicas: 3 } as const;
    // @ts-expect-error a node pool's storage class is a reference, not a name
    build({ nodePools: [{ ...pool, storage: named }] });
    // @ts-expect-error the KRaft roles are controller and broker
    build({ nodePools: [{ name: "kraft", roles: ["zookeeper"], replicas: 3, storage }] });
    // @ts-expect-error a topic takes the cluster's ref, not the operator
    kafkaTopic({ kafka: operator, name: "orders" });
    // @ts-expect-error unknown option
    build({ zookeeper: { replicas: 3 } });
  });
});
