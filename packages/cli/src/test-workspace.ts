import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(PACKAGE_DIR, "bin", "k8s-ops.js");

/**
 * A throwaway repository with one cluster package, `clusters/demo`. It lives inside this package so that the
 * cluster module resolves @k8s-ops/core from this package's node_modules, as a real cluster package would.
 */
export interface TestWorkspace {
  readonly root: string;
  readonly clusterDir: string;
  writeCluster(source: string): void;
  write(path: string, content: string): void;
  /** Every file below the cluster folder except its source, by relative path. */
  tree(): Map<string, string>;
  run(...args: string[]): { status: number | null; stdout: string; stderr: string };
  remove(): void;
}

export function createWorkspace(): TestWorkspace {
  const base = join(PACKAGE_DIR, ".test-workspaces");
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, "ws-"));
  const clusterDir = join(root, "clusters", "demo");
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  write("pnpm-workspace.yaml", "packages:\n  - clusters/*\n");
  return {
    root,
    clusterDir,
    write,
    writeCluster: (source) => write("clusters/demo/src/cluster.ts", source),
    tree: () => readTree(clusterDir),
    run: (...args) => {
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!path.startsWith("src/")) files.set(path, readFileSync(join(dir, path), "utf8"));
  }
  return files;
}

/** The source of a small valid cluster: one Helm app, `replicas` in its values. */
export function demoCluster(replicas = 1): string {
  return `import { defineCluster, helmApp, testSettings } from "@k8s-ops/core";
const web = helmApp({
  name: "web",
  namespace: "default",
  layer: "apps",
  chart: { url: "oci://registry.example.org/charts/web", tag: "1.0.0" },
  values: { replicas: ${replicas} },
  files: ["secret.sops.yaml"],
});
export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [{ name: "web", apps: [web] }] });
`;
}
