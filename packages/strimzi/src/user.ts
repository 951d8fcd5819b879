import { type AppRef, OptionError } from "@k8s-ops/core";
import { KafkaUser } from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaUser";
import { SUBDOMAIN } from "./formats.js";
import type { KafkaAcl, KafkaUserOptions } from "./kafka-options.js";

/** A KafkaUser, what its app must `uses`, and the Secret the user operator writes its credentials to. */
export interface User {
  readonly object: KafkaUser;
  readonly uses: readonly [AppRef];
  /** Holds `password` and `sasl.jaas.config` (SCRAM), or `user.crt` and `user.key` (TLS). */
  readonly secretName: string;
}

/**
 * A user of a Kafka cluster, managed by its user operator, with its ACLs. Deploy it in the cluster's namespace
 * (`kafka.namespace`): the user operator watches that namespace only.
 */
export function kafkaUser(options: KafkaUserOptions): User {
  checkUser(options);
  const acls = options.acls ?? [];
  const object = new KafkaUser({
    metadata: { labels: { "strimzi.io/cluster": options.kafka.name }, name: options.name },
    spec: {
      authentication: { type: options.authentication ?? "scram-sha-512" },
      authorization: acls.length > 0 ? { acls: acls.map(acl), type: "simple" } : undefined,
    },
  });
  return { object, uses: [options.kafka.app], secretName: options.name };
}

function acl(rule: KafkaAcl) {
  return {
    operations: [...rule.operations],
    resource: {
      name: rule.resource.name,
      patternType: rule.resource.type === "cluster" ? undefined : (rule.resource.patternType ?? "literal"),
      type: rule.resource.type,
    },
    type: rule.type ?? "allow",
  };
}

function checkUser(options: KafkaUserOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `kafkaUser(${options.name}): ${field}`, message, expected, found });
  };
  const { kafka } = options;
  if (!SUBDOMAIN.test(options.name))
    fail(
      "name",
      "not a valid object name",
      "a lowercase RFC 1123 subdomain such as orders-app",
      JSON.stringify(options.name),
    );
  const authentication = options.authentication ?? "scram-sha-512";
  if (!kafka.authentication.includes(authentication))
    fail(
      "authentication",
      `no listener of Kafka ${kafka.name} accepts it`,
      kafka.authentication.length > 0
        ? `one of ${kafka.authentication.join(", ")}`
        : "a listener with authentication",
      authentication,
    );
  const acls = options.acls ?? [];
  if (acls.length > 0 && !kafka.authorization)
    fail(
      "acls",
      `Kafka ${kafka.name} does not enforce ACLs`,
      "a cluster with authorization: true",
      `${acls.length} ACLs`,
    );
  const bad = acls.find(
    (rule) => rule.operations.length === 0 || (rule.resource.type !== "cluster" && !rule.resource.name),
  );
  if (bad)
    fail(
      "acls",
      "an ACL needs operations and, unless it is for the cluster, a resource name",
      'e.g. { resource: { type: "topic", name: "orders" }, operations: ["Read"] }',
      JSON.stringify(bad),
    );
}
