import { OptionError } from "@k8s-ops/core";
import { DNS_LABEL, isCount, isSize } from "./formats.js";
import {
  KAFKA_VERSIONS,
  type KafkaListener,
  type KafkaNodePoolOptions,
  type KafkaOptions,
} from "./kafka-options.js";

type Fail = (field: string, message: string, expected: string, found: string) => never;

/** Nodes of the pools with a role. */
export function nodesWith(pools: readonly KafkaNodePoolOptions[], role: "controller" | "broker"): number {
  return pools.filter((pool) => pool.roles.includes(role)).reduce((sum, pool) => sum + pool.replicas, 0);
}

/** Throws an OptionError for the first option of kafka() it cannot use. */
export function checkKafka(o: KafkaOptions): void {
  const fail: Fail = (field, message, expected, found) => {
    throw new OptionError({ path: `kafka(${o.name}): ${field}`, message, expected, found });
  };
  if (!DNS_LABEL.test(o.name) || o.name.length > 40)
    fail(
      "name",
      "not a valid cluster name",
      "a DNS label of at most 40 characters, such as events",
      JSON.stringify(o.name),
    );
  if (!(KAFKA_VERSIONS as readonly string[]).includes(o.version))
    fail(
      "version",
      "Strimzi 1.2.0 does not support this Kafka version",
      `one of ${KAFKA_VERSIONS.join(", ")}`,
      JSON.stringify(o.version),
    );
  checkPools(fail, o.nodePools);
  checkListeners(fail, o.listeners);
}

function checkPools(fail: Fail, pools: readonly KafkaNodePoolOptions[]): void {
  const names = new Set<string>();
  for (const pool of pools) {
    const at = `nodePools.${pool.name}`;
    if (!DNS_LABEL.test(pool.name) || names.has(pool.name))
      fail(
        at,
        "not a valid, unique pool name",
        "distinct DNS labels such as controllers and brokers",
        JSON.stringify(pool.name),
      );
    names.add(pool.name);
    if (pool.roles.length === 0 || new Set(pool.roles).size !== pool.roles.length)
      fail(
        `${at}.roles`,
        "a pool needs its roles, each once",
        '["controller"], ["broker"] or both',
        JSON.stringify(pool.roles),
      );
    if (!isCount(pool.replicas))
      fail(`${at}.replicas`, "a pool needs at least one node", "an integer ≥ 1", String(pool.replicas));
    if (!isSize(pool.storage.size))
      fail(
        `${at}.storage.size`,
        "not a storage size",
        "a Kubernetes quantity such as 100Gi",
        JSON.stringify(pool.storage.size),
      );
  }
  const controllers = nodesWith(pools, "controller");
  if (controllers === 0)
    fail("nodePools", "a KRaft cluster needs controllers", 'a pool with the "controller" role', "none");
  if (controllers % 2 === 0)
    fail(
      "nodePools",
      "an even number of KRaft controllers survives no more failures than one controller fewer",
      "an odd number of controllers in all pools, such as 1, 3 or 5",
      String(controllers),
    );
  if (nodesWith(pools, "broker") === 0)
    fail("nodePools", "the cluster has no brokers", 'a pool with the "broker" role', "none");
}

function checkListeners(fail: Fail, listeners: readonly KafkaListener[]): void {
  if (listeners.length === 0) fail("listeners", "clients need a listener", "at least one listener", "[]");
  const names = new Set<string>();
  const ports = new Set<number>();
  for (const listener of listeners) {
    const at = `listeners.${listener.name}`;
    if (!/^[a-z0-9]{1,11}$/.test(listener.name) || names.has(listener.name))
      fail(
        at,
        "not a valid, unique listener name",
        "distinct names of up to 11 lowercase letters and digits",
        JSON.stringify(listener.name),
      );
    names.add(listener.name);
    const { port } = listener;
    if (
      !Number.isInteger(port) ||
      port < 9092 ||
      port > 65535 ||
      port === 9404 ||
      port === 9999 ||
      ports.has(port)
    )
      fail(
        `${at}.port`,
        "not a port Strimzi can give a listener",
        "a distinct port from 9092 up, not 9404 or 9999",
        String(port),
      );
    ports.add(port);
    if (listener.authentication === "tls" && !listener.tls)
      fail(
        `${at}.authentication`,
        "TLS client authentication needs a TLS listener",
        "tls: true",
        "tls: false",
      );
  }
}
