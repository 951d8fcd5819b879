// Helpers for this package's tests only (not exported from index.ts).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ClusterFile, ClusterSettings } from "@k8s-ops/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { APPS_INVENTORY, INFRA_INVENTORY } from "./inventory.js";
import type { TalosMachine } from "./options.js";
import { inventoryNodes } from "./talos.js";

/** The Talos 1.13 machine-configuration schema beside the repository; absent on machines without `../shared`. */
export const TALOS_SCHEMA = fileURLToPath(
  new URL("../../../shared/schemas/config/talos/v1.13/config.schema.json", import.meta.url),
);

/** Whether the schema is there; warns visibly when it is not, so a skipped test never passes silently. */
export function schemaPresent(): boolean {
  if (existsSync(TALOS_SCHEMA)) return true;
  console.warn(`${TALOS_SCHEMA} not found: skipping the Talos schema tests`);
  return false;
}

/** A validator of single Talos configuration documents against the 1.13 schema; returns the problems found. */
export function schemaValidator(): (document: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(TALOS_SCHEMA, "utf8")));
  return (document) =>
    validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A document as plain JSON: what the YAML file holds once parsed. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The documents of one rendered file. */
export function fileDocuments(files: readonly ClusterFile[], path: string): unknown[] {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no file ${path}`);
  return file.documents.map(plain);
}

/**
 * What `talosctl gen config --talos-version v1.13` writes for a machine type, without its secrets (keys, tokens,
 * certificates): the configuration the rendered patches are merged into.
 */
export function generatedConfig(settings: ClusterSettings, endpoint: string, type: string): unknown[] {
  const k8s = settings.kubernetesVersion;
  const controlPlane = type === "controlplane";
  const machine = {
    type,
    kubelet: { image: `ghcr.io/siderolabs/kubelet:${k8s}`, defaultRuntimeSeccompProfileEnabled: true },
    install: {
      disk: "/dev/sda",
      image: `ghcr.io/siderolabs/installer:${settings.talosVersion}`,
      wipe: false,
    },
    features: {
      diskQuotaSupport: true,
      kubePrism: { enabled: true, port: 7445 },
      hostDNS: { enabled: true },
    },
    ...(controlPlane
      ? { nodeLabels: { "node.kubernetes.io/exclude-from-external-load-balancers": "" } }
      : {}),
  };
  const controlPlaneParts = {
    apiServer: { image: `registry.k8s.io/kube-apiserver:${k8s}`, certSANs: [new URL(endpoint).hostname] },
    controllerManager: { image: `registry.k8s.io/kube-controller-manager:${k8s}` },
    proxy: { image: `registry.k8s.io/kube-proxy:${k8s}` },
    scheduler: { image: `registry.k8s.io/kube-scheduler:${k8s}` },
    etcd: {},
  };
  const cluster = {
    controlPlane: { endpoint },
    clusterName: settings.name,
    network: { dnsDomain: "cluster.local", podSubnets: ["10.244.0.0/16"], serviceSubnets: ["10.96.0.0/12"] },
    discovery: { enabled: true, registries: { kubernetes: { disabled: true }, service: {} } },
    ...(controlPlane ? controlPlaneParts : {}),
  };
  return [
    { version: "v1alpha1", debug: false, machine, cluster },
    { apiVersion: "v1alpha1", kind: "HostnameConfig", auto: "stable" },
  ];
}

/** Lists Talos replaces on merge instead of appending to. */
const REPLACED_LISTS = ["cluster.network.podSubnets", "cluster.network.serviceSubnets"];

/**
 * Merges a strategic merge patch into a configuration the way `talosctl` does: documents match by kind and name
 * (the v1alpha1 document by having no kind), maps merge key by key, lists append (pod and service subnets are
 * replaced), `$patch: delete` removes a key that must exist, unmatched documents are appended.
 */
export function mergePatch(config: readonly unknown[], patch: readonly unknown[]): unknown[] {
  const merged = [...config];
  for (const document of patch) {
    const index = merged.findIndex((existing) => identity(existing) === identity(document));
    if (index === -1) merged.push(document);
    else merged[index] = mergeValue(merged[index], document, "");
  }
  return merged;
}

function identity(document: unknown): string {
  if (!isRecord(document) || typeof document.kind !== "string") return "v1alpha1";
  return `${document.kind}/${typeof document.name === "string" ? document.name : ""}`;
}

function mergeValue(base: unknown, patch: unknown, path: string): unknown {
  if (Array.isArray(base) && Array.isArray(patch))
    return REPLACED_LISTS.includes(path) ? patch : [...base, ...patch];
  if (!isRecord(base) || !isRecord(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const at = path === "" ? key : `${path}.${key}`;
    if (isRecord(value) && value.$patch === "delete") {
      if (!(key in merged)) throw new Error(`$patch: delete of ${at}, which the configuration does not have`);
      delete merged[key];
    } else {
      merged[key] = mergeValue(key in merged ? merged[key] : isRecord(value) ? {} : undefined, value, at);
    }
  }
  return merged;
}

/** A patch with its `$patch: delete` directives left out: the configuration it states, to check on its own. */
export function withoutDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDirectives);
  if (!isRecord(value)) return value;
  const kept = Object.entries(value).filter(([, v]) => !(isRecord(v) && v.$patch === "delete"));
  return Object.fromEntries(kept.map(([k, v]) => [k, withoutDirectives(v)]));
}

/** The settings of the platform's clusters, as their cluster packages define them, nodes from the inventory. */
export function platformSettings(
  name: "infra" | "apps",
  overrides: Partial<ClusterSettings> = {},
): ClusterSettings {
  const infra = name === "infra";
  return {
    name,
    id: infra ? 1 : 2,
    network: {
      nodeCidr: "10.25.11.0/24",
      podCidr: infra ? "10.244.0.0/16" : "10.246.0.0/16",
      serviceCidr: infra ? "10.245.0.0/16" : "10.247.0.0/16",
      loadBalancerCidr: infra ? "10.25.11.64/27" : "10.25.11.96/27",
    },
    nodes: inventoryNodes(infra ? INFRA_INVENTORY : APPS_INVENTORY),
    kubernetesVersion: "v1.35.0",
    talosVersion: "v1.13.9",
    ...overrides,
  };
}

/** The configuration a machine ends up with: generated, then the cluster, control-plane and machine patches. */
export function machineConfig(
  settings: ClusterSettings,
  endpoint: string,
  files: readonly ClusterFile[],
  machine: TalosMachine,
): unknown[] {
  let config = generatedConfig(settings, endpoint, machine.role);
  config = mergePatch(config, fileDocuments(files, "talos/cluster.yaml"));
  if (machine.role === "controlplane")
    config = mergePatch(config, fileDocuments(files, "talos/controlplane.yaml"));
  return mergePatch(config, fileDocuments(files, `talos/nodes/${machine.name}.yaml`));
}

/** Code with layout removed, so formatting never decides whether two snippets match. */
export function codeShape(code: string): string {
  return code.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
}

/** The code between `// README:start` and `// README:end` in a test file: the example the README shows. */
export function readmeExample(testFile: string): string {
  const source = readFileSync(testFile, "utf8");
  const start = source.indexOf("// README:start\n") + "// README:start\n".length;
  return source.slice(start, source.indexOf("// README:end"));
}
