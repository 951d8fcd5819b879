export interface OpenEbsOptions {
  /**
   * The node folder the `openebs-hostpath` volumes are created under, one sub-folder per volume. Required: on Talos
   * it must be a mounted, writable folder under /var (the talos package exports it as `OPENEBS_HOSTPATH`).
   */
  readonly basePath: string;
  /** Namespace of the release and of the provisioner's helper pods. @default "openebs-system" */
  readonly namespace?: string;
  /** Mark `openebs-hostpath` as the cluster's default StorageClass. @default false */
  readonly defaultClass?: boolean;
  /** What happens to a volume's folder when its claim is deleted. @default "Delete" */
  readonly reclaimPolicy?: "Delete" | "Retain";
}

export interface ResolvedOpenEbsOptions extends Required<OpenEbsOptions> {}

export function resolveOptions(options: OpenEbsOptions): ResolvedOpenEbsOptions {
  return {
    basePath: options.basePath,
    namespace: options.namespace ?? "openebs-system",
    defaultClass: options.defaultClass ?? false,
    reclaimPolicy: options.reclaimPolicy ?? "Delete",
  };
}
