import {
  type App,
  appRef,
  type Component,
  defineApp,
  type HealthCheckExpr,
  type KubeObject,
  packageOf,
  type Reference,
  reference,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { Kafka as KafkaObject } from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/Kafka";
import { KafkaNodePool } from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaNodePool";
import { checkKafka, nodesWith } from "./kafka-checks.js";
import type {
  KafkaConfig,
  KafkaListener,
  KafkaNodePoolOptions,
  KafkaOptions,
  KafkaRef,
} from "./kafka-options.js";
import { defaultReplicas, kafkaTopic } from "./topic.js";
import { kafkaUser } from "./user.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** Flux health of a Kafka cluster: ready once its Ready condition is True. */
export const KAFKA_HEALTH: HealthCheckExpr = {
  apiVersion: "kafka.strimzi.io/v1",
  kind: "Kafka",
  current: "has(status.conditions) && status.conditions.exists(e, e.type == 'Ready' && e.status == 'True')",
};

export interface Kafka<N extends string = string> extends Component {
  /** The app that deploys the cluster, its node pools, topics and users; Flux waits until Kafka is ready. */
  readonly app: App;
  readonly objects: readonly KubeObject[];
  /** The node pools' storage classes. */
  readonly uses: readonly Reference[];
  /** The bootstrap service of each listener, by listener name: what clients connect to. */
  readonly bootstrap: { readonly [K in N]: ServiceEndpoint };
  /** The cluster, for `kafkaTopic()` and `kafkaUser()`. */
  readonly ref: KafkaRef;
}

/**
 * A KRaft Kafka cluster run by Strimzi: the Kafka resource (with its entity operator for topics and users), its
 * KafkaNodePools, and the topics and users given, in one app that depends on the operator and the storage.
 */
export function kafka<const L extends readonly KafkaListener[]>(
  options: KafkaOptions<L>,
): Kafka<L[number]["name"]> {
  checkKafka(options);
  const brokers = nodesWith(options.nodePools, "broker");
  const authentication = [
    ...new Set(options.listeners.flatMap((l) => (l.authentication ? [l.authentication] : []))),
  ];
  const ref: KafkaRef = {
    name: options.name,
    namespace: options.namespace,
    app: appRef(options),
    brokers,
    authorization: options.authorization ?? false,
    authentication,
  };
  const objects = [
    kafkaObject(options, brokers),
    ...options.nodePools.map((pool) => nodePool(options.name, pool)),
    ...(options.topics ?? []).map((topic) => kafkaTopic({ ...topic, kafka: ref }).object),
    ...(options.users ?? []).map((user) => kafkaUser({ ...user, kafka: ref }).object),
  ];
  const uses = [...new Set(options.nodePools.map((pool) => pool.storage.storageClass))];
  const app = defineApp({
    name: options.name,
    namespace: options.namespace,
    layer: options.layer ?? "platform",
    folder: options.folder,
    dir: options.dir,
    objects,
    uses,
    wait: true,
    healthCheckExprs: [KAFKA_HEALTH],
  });
  // Object.fromEntries cannot know its keys are exactly the listener names it was given.
  const bootstrap = Object.fromEntries(
    options.listeners.map((l) => [l.name, endpoint(app, options.name, l)]),
  ) as Kafka<L[number]["name"]>["bootstrap"];
  return { name: options.name, source: SOURCE, apps: [app], app, objects, uses, bootstrap, ref };
}

/** Replication defaults for the cluster's internal and new topics: three copies where there are three brokers. */
function replicationConfig(brokers: number): KafkaConfig {
  const replicas = defaultReplicas(brokers);
  const minInSync = Math.max(1, replicas - 1);
  return {
    "default.replication.factor": replicas,
    "min.insync.replicas": minInSync,
    "offsets.topic.replication.factor": replicas,
    "transaction.state.log.min.isr": minInSync,
    "transaction.state.log.replication.factor": replicas,
  };
}

function kafkaObject(o: KafkaOptions, brokers: number): KafkaObject {
  return new KafkaObject({
    metadata: { name: o.name },
    spec: {
      entityOperator: { topicOperator: {}, userOperator: {} },
      kafka: {
        authorization: o.authorization ? { type: "simple" } : undefined,
        config: { ...replicationConfig(brokers), ...o.config },
        listeners: o.listeners.map((l) => ({
          authentication: l.authentication ? { type: l.authentication } : undefined,
          name: l.name,
          port: l.port,
          tls: l.tls,
          type: l.type,
        })),
        version: o.version,
      },
    },
  });
}

function nodePool(cluster: string, pool: KafkaNodePoolOptions): KafkaNodePool {
  return new KafkaNodePool({
    metadata: { labels: { "strimzi.io/cluster": cluster }, name: pool.name },
    spec: {
      replicas: pool.replicas,
      roles: [...pool.roles],
      storage: {
        type: "jbod",
        volumes: [
          {
            class: pool.storage.storageClass.name,
            deleteClaim: false,
            id: 0,
            kraftMetadata: "shared",
            size: pool.storage.size,
            type: "persistent-claim",
          },
        ],
      },
    },
  });
}

/** Internal listeners share `<cluster>-kafka-bootstrap`; the others get `<cluster>-kafka-<listener>-bootstrap`. */
function endpoint(app: App, cluster: string, listener: KafkaListener): ServiceEndpoint {
  const service =
    listener.type === "internal"
      ? `${cluster}-kafka-bootstrap`
      : `${cluster}-kafka-${listener.name}-bootstrap`;
  return {
    ...reference("Service", app, service, app.namespace),
    namespace: app.namespace,
    port: listener.port,
    host: `${service}.${app.namespace}.svc.cluster.local`,
  };
}
