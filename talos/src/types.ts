/**
 * The parts of the Talos machine configuration (v1.13 schema) this package writes, typed by hand. Every field is
 * optional the way a strategic merge patch is: the patch holds only what it changes.
 */

/** `$patch: delete` removes a key from the configuration a patch is merged into. */
export interface PatchDelete {
  readonly $patch: "delete";
}

export type ExtraArgs = Readonly<Record<string, string>>;

export interface InstallDiskSelector {
  readonly serial?: string;
  readonly model?: string;
}

export interface InstallConfig {
  readonly disk?: string;
  readonly diskSelector?: InstallDiskSelector;
  readonly image?: string;
  readonly wipe?: boolean;
}

export interface KubeletConfig {
  readonly image?: string;
  readonly nodeIP?: { readonly validSubnets: readonly string[] };
}

export interface MachineFile {
  readonly path: string;
  readonly op: "create" | "append" | "overwrite";
  readonly content: string;
}

export interface FeaturesConfig {
  readonly kubePrism?: { readonly enabled: boolean; readonly port: number };
  readonly hostDNS?: {
    readonly enabled: boolean;
    readonly forwardKubeDNSToHost: boolean;
    readonly resolveMemberNames: boolean;
  };
  readonly kubernetesTalosAPIAccess?: {
    readonly enabled: boolean;
    readonly allowedRoles: readonly string[];
    readonly allowedKubernetesNamespaces: readonly string[];
  };
}

/** Where Talos sends its service logs (`machine.logging`). */
export interface LoggingConfig {
  readonly destinations: readonly { readonly endpoint: string; readonly format: "json_lines" }[];
}

/** Where Talos streams the kernel log. */
export interface KmsgLogConfig {
  readonly apiVersion: "v1alpha1";
  readonly kind: "KmsgLogConfig";
  readonly name: string;
  readonly url: string;
}

export interface MachineConfig {
  readonly certSANs?: readonly string[];
  readonly logging?: LoggingConfig;
  readonly install?: InstallConfig;
  readonly kubelet?: KubeletConfig;
  readonly files?: readonly MachineFile[];
  readonly features?: FeaturesConfig;
  readonly nodeLabels?: Readonly<Record<string, string | PatchDelete>>;
}

export interface ControlPlaneComponent {
  readonly image?: string;
  readonly extraArgs?: ExtraArgs;
}

export interface ClusterConfig {
  readonly clusterName?: string;
  readonly controlPlane?: { readonly endpoint: string };
  readonly network?: {
    readonly cni?: { readonly name: "flannel" | "custom" | "none" };
    readonly dnsDomain?: string;
    readonly podSubnets?: readonly string[];
    readonly serviceSubnets?: readonly string[];
  };
  readonly allowSchedulingOnControlPlanes?: boolean;
  readonly apiServer?: ControlPlaneComponent & { readonly certSANs?: readonly string[] };
  readonly controllerManager?: ControlPlaneComponent;
  readonly scheduler?: ControlPlaneComponent;
  readonly proxy?: { readonly disabled: boolean };
  readonly coreDNS?: { readonly disabled: boolean };
  readonly etcd?: { readonly advertisedSubnets?: readonly string[]; readonly extraArgs?: ExtraArgs };
}

/** The v1alpha1 document: `machine` and `cluster`. */
export interface V1Alpha1Config {
  readonly version: "v1alpha1";
  readonly machine?: MachineConfig;
  readonly cluster?: ClusterConfig;
}

export interface HostnameConfig {
  readonly apiVersion: "v1alpha1";
  readonly kind: "HostnameConfig";
  readonly auto: "off" | "stable";
  readonly hostname?: string;
}

/** Names a physical link by a CEL selector, e.g. on its permanent MAC address. */
export interface LinkAliasConfig {
  readonly apiVersion: "v1alpha1";
  readonly kind: "LinkAliasConfig";
  readonly name: string;
  readonly selector: { readonly match: string };
}

export interface AddressConfig {
  readonly address: string;
}

export interface RouteConfig {
  readonly destination?: string;
  readonly gateway: string;
}

export interface BondConfig {
  readonly apiVersion: "v1alpha1";
  readonly kind: "BondConfig";
  readonly name: string;
  readonly links: readonly string[];
  readonly bondMode: "802.3ad" | "active-backup";
  readonly miimon?: number;
  readonly updelay?: number;
  readonly downdelay?: number;
  readonly xmitHashPolicy?: "layer2" | "layer2+3" | "layer3+4";
  readonly lacpRate?: "slow" | "fast";
  readonly mtu?: number;
  readonly addresses?: readonly AddressConfig[];
  readonly routes?: readonly RouteConfig[];
}

/** A virtual IP announced by gratuitous ARP from one control-plane node at a time. */
export interface Layer2VIPConfig {
  readonly apiVersion: "v1alpha1";
  readonly kind: "Layer2VIPConfig";
  readonly name: string;
  readonly link: string;
}

export interface ResolverConfig {
  readonly apiVersion: "v1alpha1";
  readonly kind: "ResolverConfig";
  readonly nameservers: readonly { readonly address: string }[];
}

/** A partition Talos creates, formats and mounts at `/var/mnt/<name>`. */
export interface UserVolumeConfig {
  readonly apiVersion: "v1alpha1";
  readonly kind: "UserVolumeConfig";
  readonly name: string;
  readonly provisioning: {
    readonly diskSelector: { readonly match: string };
    readonly minSize?: string;
    readonly maxSize?: string;
  };
  readonly filesystem?: { readonly type: "xfs" | "ext4" };
}

/** One document of a Talos machine configuration (or of a patch to one). */
export type TalosDocument =
  | V1Alpha1Config
  | HostnameConfig
  | LinkAliasConfig
  | BondConfig
  | Layer2VIPConfig
  | ResolverConfig
  | UserVolumeConfig
  | KmsgLogConfig;
