import type { ClusterSettings } from "@k8s-ops/core";

export interface SystemUpgradeControllerOptions {
  /** The cluster upgraded: its `talosVersion` and `kubernetesVersion` are what the Plans upgrade to. */
  readonly settings: ClusterSettings;
  /** Namespace of the controller, the Plans and the Talos ServiceAccount. @default "system-upgrade" */
  readonly namespace?: string;
  /** Controller replicas; leader election turns on above one. @default 1 */
  readonly replicas?: number;
  /**
   * The installer image the Talos Plan installs, at `settings.talosVersion`: untagged, or tagged with that version.
   * Give the one the nodes were installed from, `installerImage()` of @k8s-ops/talos
   * (`factory.talos.dev/installer/<schematic id>:<talosVersion>`), or an upgrade drops the schematic's extensions.
   * @default "ghcr.io/siderolabs/installer"
   */
  readonly installerImage?: string;
  /** Nodes the Talos Plan upgrades at the same time. @default 1 */
  readonly concurrency?: number;
  /**
   * Keep each node's EPHEMERAL partition (local volumes, pulled images) across Talos upgrades (`--preserve`);
   * without it an upgrade wipes the partition. @default true
   */
  readonly preserve?: boolean;
}

export interface ResolvedSystemUpgradeControllerOptions
  extends Required<Omit<SystemUpgradeControllerOptions, "settings">> {
  readonly settings: ClusterSettings;
}

export function resolveOptions(
  options: SystemUpgradeControllerOptions,
): ResolvedSystemUpgradeControllerOptions {
  return {
    settings: options.settings,
    namespace: options.namespace ?? "system-upgrade",
    replicas: options.replicas ?? 1,
    installerImage: options.installerImage ?? "ghcr.io/siderolabs/installer",
    concurrency: options.concurrency ?? 1,
    preserve: options.preserve ?? true,
  };
}
