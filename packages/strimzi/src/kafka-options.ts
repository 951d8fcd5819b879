import type { AppRef, Layer, StorageClassRef } from "@k8s-ops/core";

/** The Kafka versions Strimzi 1.2.0 supports; update with the chart. */
export const KAFKA_VERSIONS = ["4.2.0", "4.2.1", "4.3.0", "4.3.1"] as const;
export type KafkaVersion = (typeof KAFKA_VERSIONS)[number];

export type KafkaRole = "controller" | "broker";
export type KafkaAuthentication = "scram-sha-512" | "tls";

/** A set of Kafka nodes with the same roles and storage (a KafkaNodePool). */
export interface KafkaNodePoolOptions {
  /** The pool's name (a DNS label); its pods are `<cluster>-<pool>-<id>`. */
  readonly name: string;
  /** KRaft roles of its nodes: controllers, brokers, or both. */
  readonly roles: readonly KafkaRole[];
  /** How many nodes. */
  readonly replicas: number;
  /** One persistent volume per node, which also holds the KRaft metadata log. */
  readonly storage: { readonly storageClass: StorageClassRef; readonly size: string };
}

/** A listener clients connect to. */
export interface KafkaListener {
  /** Its name: up to 11 lowercase letters and digits. */
  readonly name: string;
  /** Its port: 9092 or higher, not 9404 or 9999. */
  readonly port: number;
  /** `internal` (in-cluster headless services), `cluster-ip`, `loadbalancer` or `nodeport`. */
  readonly type: "internal" | "cluster-ip" | "loadbalancer" | "nodeport";
  /** Encrypt the listener with the cluster CA's certificates. */
  readonly tls: boolean;
  /** How clients authenticate. @default none */
  readonly authentication?: KafkaAuthentication;
}

/** Configuration values as Kafka takes them. */
export type KafkaConfig = Readonly<Record<string, string | number | boolean>>;

/** What topics and users need to know of the cluster they belong to. */
export interface KafkaRef {
  /** The cluster's name: the `strimzi.io/cluster` label of its topics and users. */
  readonly name: string;
  /** Its namespace: its entity operator watches topics and users there only. */
  readonly namespace: string;
  /** The app that deploys it: apps with its topics or users depend on it. */
  readonly app: AppRef;
  /** The number of brokers: the most replicas a topic can have. */
  readonly brokers: number;
  /** Whether the cluster enforces ACLs. */
  readonly authorization: boolean;
  /** The authentication its listeners accept. */
  readonly authentication: readonly KafkaAuthentication[];
}

/** A topic, as `kafkaTopic()` takes it. */
export interface KafkaTopicOptions {
  /** The cluster, from `kafka(…).ref`. */
  readonly kafka: KafkaRef;
  /** Name of the KafkaTopic (a DNS subdomain), and of the topic unless `topicName` says otherwise. */
  readonly name: string;
  /** The topic's name in Kafka, when it is not a valid object name. @default name */
  readonly topicName?: string;
  /** @default 1 */
  readonly partitions?: number;
  /** Replicas of each partition. @default the smaller of 3 and the number of brokers */
  readonly replicas?: number;
  /** Topic configuration, e.g. `{ "retention.ms": 604800000 }`. @default {} */
  readonly config?: KafkaConfig;
}

export type KafkaOperation =
  | "Read"
  | "Write"
  | "Create"
  | "Delete"
  | "Alter"
  | "Describe"
  | "ClusterAction"
  | "AlterConfigs"
  | "DescribeConfigs"
  | "IdempotentWrite"
  | "All";

/** One ACL rule of a user. */
export interface KafkaAcl {
  readonly resource: {
    readonly type: "topic" | "group" | "cluster" | "transactionalId";
    /** @default none: the cluster resource */
    readonly name?: string;
    /** @default "literal" */
    readonly patternType?: "literal" | "prefix";
  };
  readonly operations: readonly KafkaOperation[];
  /** @default "allow" */
  readonly type?: "allow" | "deny";
}

/** A user, as `kafkaUser()` takes it. */
export interface KafkaUserOptions {
  /** The cluster, from `kafka(…).ref`. */
  readonly kafka: KafkaRef;
  /** Name of the KafkaUser and of the Secret with its credentials. */
  readonly name: string;
  /** How the user authenticates; a listener must accept it. @default "scram-sha-512" */
  readonly authentication?: KafkaAuthentication;
  /** What the user may do; needs `authorization: true` on the cluster. @default [] */
  readonly acls?: readonly KafkaAcl[];
}

export interface KafkaOptions<L extends readonly KafkaListener[] = readonly KafkaListener[]> {
  /** Name of the Kafka cluster (a DNS label); also the name of its app. */
  readonly name: string;
  /** Namespace of the cluster, its topics and users, and its app. */
  readonly namespace: string;
  /** The Kafka version, one Strimzi 1.2.0 supports. */
  readonly version: KafkaVersion;
  /** The node pools: an odd number of controllers in all, and at least one broker. */
  readonly nodePools: readonly KafkaNodePoolOptions[];
  /** The listeners; `bootstrap` has an endpoint for each, by name. */
  readonly listeners: L;
  /** Topics the cluster's app deploys. @default [] */
  readonly topics?: readonly Omit<KafkaTopicOptions, "kafka">[];
  /** Users the cluster's app deploys. @default [] */
  readonly users?: readonly Omit<KafkaUserOptions, "kafka">[];
  /** Enforce ACLs (simple authorization). @default false */
  readonly authorization?: boolean;
  /** Broker configuration, over replication defaults sized to the number of brokers. @default {} */
  readonly config?: KafkaConfig;
  /** @default "platform" */
  readonly layer?: Layer;
  /** Folder under `apps/<namespace>/` of the app's ks.yaml. @default name */
  readonly folder?: string;
  /** Sub-folder of `folder` with the manifests. @default "app" */
  readonly dir?: string;
}
