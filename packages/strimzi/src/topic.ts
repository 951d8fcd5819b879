import { type AppRef, OptionError } from "@k8s-ops/core";
import { KafkaTopic } from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaTopic";
import { isCount, SUBDOMAIN } from "./formats.js";
import type { KafkaTopicOptions } from "./kafka-options.js";

/** A KafkaTopic and what the app deploying it must `uses`, so it comes after its cluster. */
export interface Topic {
  readonly object: KafkaTopic;
  readonly uses: readonly [AppRef];
}

/** Replicas per partition by default: three where the brokers allow it. */
export function defaultReplicas(brokers: number): number {
  return Math.min(3, brokers);
}

/**
 * A topic of a Kafka cluster, managed by its topic operator. Deploy it in the cluster's namespace
 * (`kafka.namespace`): the topic operator watches that namespace only.
 */
export function kafkaTopic(options: KafkaTopicOptions): Topic {
  checkTopic(options);
  const object = new KafkaTopic({
    metadata: { labels: { "strimzi.io/cluster": options.kafka.name }, name: options.name },
    spec: {
      config: options.config && Object.keys(options.config).length > 0 ? { ...options.config } : undefined,
      partitions: options.partitions ?? 1,
      replicas: options.replicas ?? defaultReplicas(options.kafka.brokers),
      topicName: options.topicName,
    },
  });
  return { object, uses: [options.kafka.app] };
}

function checkTopic(options: KafkaTopicOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `kafkaTopic(${options.name}): ${field}`, message, expected, found });
  };
  if (!SUBDOMAIN.test(options.name))
    fail(
      "name",
      "not a valid object name",
      "a lowercase RFC 1123 subdomain such as orders.v1",
      JSON.stringify(options.name),
    );
  if (options.topicName !== undefined && !/^[a-zA-Z0-9._-]{1,249}$/.test(options.topicName))
    fail(
      "topicName",
      "not a Kafka topic name",
      "up to 249 letters, digits, '.', '_' or '-'",
      JSON.stringify(options.topicName),
    );
  if (options.partitions !== undefined && !isCount(options.partitions))
    fail("partitions", "a topic needs at least one partition", "an integer ≥ 1", String(options.partitions));
  const { brokers } = options.kafka;
  if (options.replicas !== undefined && (!isCount(options.replicas) || options.replicas > brokers))
    fail(
      "replicas",
      "a partition cannot have more replicas than the cluster has brokers",
      `an integer from 1 to ${brokers}`,
      String(options.replicas),
    );
}
