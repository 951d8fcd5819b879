import type { ClusterFile, ClusterSettings, NodeSettings } from "@k8s-ops/core";
import { checkOptions, talosMinor } from "./checks.js";
import { clusterPatch, controlPlanePatch, installerImage } from "./cluster-patch.js";
import { nodePatch } from "./node-patch.js";
import { resolveOptions, type TalosInventory, type TalosOptions } from "./options.js";

/**
 * The Talos machine configuration patches of a cluster, rendered into `clusters/<name>/talos/`:
 * `cluster.yaml` (every machine), `controlplane.yaml` (control-plane machines) and `nodes/<name>.yaml` (one machine).
 * They hold no secret: `talosctl gen config --with-secrets` adds the SOPS-encrypted secrets bundle.
 */
export function talosFiles(settings: ClusterSettings, options: TalosOptions): ClusterFile[] {
  const o = resolveOptions(options);
  checkOptions(settings, o);
  const schema = talosSchemaUrl(settings.talosVersion);
  return [
    { path: "talos/cluster.yaml", documents: clusterPatch(settings, o), schema },
    { path: "talos/controlplane.yaml", documents: controlPlanePatch(settings, o), schema },
    ...o.machines.map((machine) => ({
      path: `talos/nodes/${machine.name}.yaml`,
      documents: nodePatch(settings, o, machine),
      schema,
    })),
  ];
}

/** The JSON schema of the machine configuration of a Talos release, as published in the Talos repository. */
export function talosSchemaUrl(talosVersion: string): string {
  const minor = talosMinor(talosVersion);
  return `https://raw.githubusercontent.com/siderolabs/talos/refs/tags/${talosVersion}/website/content/${minor}/schemas/config.schema.json`;
}

/** The cluster settings' `nodes` of an inventory: each machine's name and address. */
export function inventoryNodes(inventory: TalosInventory): NodeSettings[] {
  return inventory.machines.map(({ name, address }) => ({ name, address }));
}

/**
 * The shell commands that turn the rendered patches into running machines, run from the repository root: generate
 * the configuration with the decrypted secrets bundle into a temporary folder (it holds keys: never commit it), then
 * apply each machine's patch on top, then bootstrap etcd on the first control-plane machine.
 */
export function talosCommands(settings: ClusterSettings, options: TalosOptions): string[] {
  const o = resolveOptions(options);
  checkOptions(settings, o);
  const dir = `clusters/${settings.name}/talos`;
  const out = (file = "") => `"$TALOS_OUT/${settings.name}${file}"`;
  const first = o.machines.find((machine) => machine.role === "controlplane");
  return [
    [
      `talosctl gen config ${settings.name} ${o.endpoint}`,
      `--with-secrets <(sops --decrypt ${dir}/talsecret.sops.yaml)`,
      `--talos-version ${talosMinor(settings.talosVersion)} --kubernetes-version ${settings.kubernetesVersion}`,
      `--install-image ${installerImage(settings, o)}`,
      `--config-patch @${dir}/cluster.yaml --config-patch-control-plane @${dir}/controlplane.yaml`,
      `--output ${out()}`,
    ].join(" \\\n  "),
    ...o.machines.map(
      (machine) =>
        `talosctl apply-config --insecure -n ${machine.address} --file ${out(`/${machine.role}.yaml`)} --config-patch @${dir}/nodes/${machine.name}.yaml`,
    ),
    `talosctl --talosconfig ${out("/talosconfig")} bootstrap -n ${first?.address} -e ${first?.address}`,
  ];
}
