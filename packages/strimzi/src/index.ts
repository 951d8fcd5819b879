export { KAFKA_HEALTH, type Kafka, kafka } from "./kafka.js";
export {
  KAFKA_VERSIONS,
  type KafkaAcl,
  type KafkaAuthentication,
  type KafkaConfig,
  type KafkaListener,
  type KafkaNodePoolOptions,
  type KafkaOperation,
  type KafkaOptions,
  type KafkaRef,
  type KafkaRole,
  type KafkaTopicOptions,
  type KafkaUserOptions,
  type KafkaVersion,
} from "./kafka-options.js";
export type { StrimziOptions } from "./options.js";
export { STRIMZI_CHART, STRIMZI_CRDS, type Strimzi, strimzi } from "./strimzi.js";
export { kafkaTopic, type Topic } from "./topic.js";
export { kafkaUser, type User } from "./user.js";
