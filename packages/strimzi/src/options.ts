export interface StrimziOptions {
  /** Namespace of the cluster operator. @default "strimzi" */
  readonly namespace?: string;
  /**
   * The namespaces whose Kafka resources the operator manages besides its own, or `"all"` for every namespace.
   * @default "all"
   */
  readonly watchNamespaces?: readonly string[] | "all";
  /** Operator replicas (one leads, the others stand by). @default 1 */
  readonly replicas?: number;
}

export interface ResolvedStrimziOptions extends Required<StrimziOptions> {}

export function resolveOptions(options: StrimziOptions = {}): ResolvedStrimziOptions {
  return {
    namespace: options.namespace ?? "strimzi",
    watchNamespaces: options.watchNamespaces ?? "all",
    replicas: options.replicas ?? 1,
  };
}
