import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(PACKAGE_DIR, "bin", "k8s-ops.js");

/** The user the binary runs as when a test must not be root (write permissions mean nothing to root). */
export const NOBODY = 65534;

export interface RunResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Run as this uid (and gid); only root can. */
  readonly uid?: number;
}

/** A command started in the background, to signal it at a point it reports on stderr. */
export interface RunningCommand {
  /** Settles once stderr holds `text`; rejects if the command ends first. */
  until(text: string): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  readonly result: Promise<RunResult>;
}

/**
 * A throwaway repository with cluster packages under `clusters/` (by default one, `clusters/demo`). It lives inside
 * this package so that cluster modules resolve @k8s-ops/core from this package's node_modules, as a real cluster
 * package would.
 */
export interface TestWorkspace {
  readonly root: string;
  readonly clusterDir: string;
  /** Writes `clusters/<id>/src/cluster.ts`. */
  writeCluster(source: string, id?: string): void;
  write(path: string, content: string): void;
  /** Every file below a cluster folder except its source, by relative path. */
  tree(id?: string): Map<string, string>;
  run(...args: string[]): RunResult;
  runWith(options: RunOptions, ...args: string[]): RunResult;
  /** Starts the binary without waiting for it. */
  start(options: RunOptions, ...args: string[]): RunningCommand;
  /** Runs git in the workspace (a repository of its own once `git init` ran). */
  git(...args: string[]): string;
  /** Makes the workspace a git repository on `main` whose one commit holds every file as it is now. */
  commitAll(message: string): void;
  remove(): void;
}

export function createWorkspace(): TestWorkspace {
  const base = join(PACKAGE_DIR, ".test-workspaces");
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, "ws-"));
  chmodSync(root, 0o755);
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  write("pnpm-workspace.yaml", "packages:\n  - clusters/*\n");
  const runWith = (options: RunOptions, ...args: string[]): RunResult => {
    const env = { ...process.env, NO_COLOR: "1", ...options.env };
    const ids = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
    const node = options.uid === undefined ? process.execPath : nodeRunnableBy(options.uid, base);
    const result = spawnSync(node, [BIN, ...args], { cwd: root, encoding: "utf8", env, ...ids });
    if (result.error) throw new Error(`could not start ${node} ${BIN}: ${result.error.message}`);
    return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
  };
  const git = (...args: string[]): string => {
    const result = spawnSync("git", args, {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.org",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.org",
      },
    });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  return {
    root,
    clusterDir: join(root, "clusters", "demo"),
    write,
    writeCluster: (source, id = "demo") => write(`clusters/${id}/src/cluster.ts`, source),
    tree: (id = "demo") => readTree(join(root, "clusters", id)),
    run: (...args) => runWith({}, ...args),
    runWith,
    start: (options, ...args) => start(root, { ...process.env, NO_COLOR: "1", ...options.env }, args),
    git,
    commitAll: (message) => {
      git("init", "-q", "-b", "main");
      git("add", "-A");
      git("commit", "-qm", message);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function start(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[]): RunningCommand {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
  let stdout = "";
  let stderr = "";
  const waiting: { text: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  const settle = () => {
    for (const wait of waiting.filter((w) => stderr.includes(w.text))) wait.resolve();
  };
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    settle();
  });
  const result = new Promise<RunResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => {
      for (const wait of waiting) wait.reject(new Error(`ended before printing "${wait.text}": ${stderr}`));
      resolve({ status, signal, stdout, stderr });
    });
  });
  return {
    until: (text) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ text, resolve, reject });
        settle();
      }),
    kill: (signal) => child.kill(signal),
    result,
  };
}

/**
 * A Node binary the given user can start. The running one may sit where that user cannot reach it (a tool cache
 * under root's home, say); then a link or copy of it beside the workspaces is used, which that user reaches as it
 * reaches the CLI itself.
 */
function nodeRunnableBy(uid: number, base: string): string {
  if (canStart(process.execPath, uid)) return process.execPath;
  const reachable = join(base, `node-${process.version}`);
  if (!existsSync(reachable)) linkOrCopy(process.execPath, reachable);
  return reachable;
}

function canStart(node: string, uid: number): boolean {
  return spawnSync(node, ["--version"], { uid, gid: uid }).status === 0;
}

/** Links (or, across file systems, copies) under a temporary name, then renames, so no reader sees half a file. */
function linkOrCopy(from: string, to: string): void {
  const temporary = `${to}.${process.pid}`;
  try {
    linkSync(from, temporary);
  } catch {
    copyFileSync(from, temporary);
    chmodSync(temporary, 0o755);
  }
  renameSync(temporary, to);
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

const DEMO_IMPORTS = `import { defineCluster, helmApp, testSettings } from "@k8s-ops/core";`;

/** The source of a small valid cluster: one Helm app, `replicas` in its values. */
export function demoCluster(replicas = 1): string {
  return `${DEMO_IMPORTS}
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

/** demoCluster with a second app, `api`, so a write has more files to move (and, going back, to remove). */
export function twoAppCluster(replicas = 1): string {
  return demoCluster(replicas).replace(
    'components: [{ name: "web", apps: [web] }]',
    'components: [{ name: "web", apps: [web, helmApp({ name: "api", namespace: "default", layer: "apps", chart: { url: "oci://registry.example.org/charts/api", tag: "2.0.0" } })] }]',
  );
}

/** Cluster-module source defining `raw(json)`: an object for kinds without a model class in reach of the test. */
export const RAW_HELPER = `const raw = (json) => ({ apiVersion: json.apiVersion, kind: json.kind, metadata: json.metadata, toJSON: () => json });\n`;

/**
 * A cluster that passes every check, policies included: a baseline (default deny + DNS) for each namespace, as a
 * Kubernetes NetworkPolicy, and `web` as in demoCluster. `settings` are testSettings overrides (TypeScript text).
 */
export function compliantCluster(
  options: {
    name?: string;
    settings?: string;
    values?: string;
    extraApps?: string;
    served?: string;
    /** The hand-written files `web` lists (a TypeScript array). @default none */
    files?: string;
  } = {},
): string {
  const name = options.name ?? "demo";
  return `import { appRef, defineApp, defineCluster, helmApp, reference, testSettings } from "@k8s-ops/core";
${RAW_HELPER}const baseline = raw({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "baseline" },
  spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], egress: [{ ports: [{ port: 53, protocol: "UDP" }] }] },
});
const chart = { url: "oci://registry.example.org/charts/web", tag: "1.0.0" };
const web = helmApp({ name: "web", namespace: "default", layer: "apps", chart, values: ${options.values ?? "{ replicas: 1 }"}${options.files ? `, files: ${options.files}` : ""} });
export const cluster = defineCluster({
  settings: testSettings({ name: "${name}"${options.settings ? `, ${options.settings}` : ""} }),
  components: [{ name: "web", apps: [web${options.extraApps ? `, ${options.extraApps}` : ""}], namespaceComponents: [{ name: "baseline", objects: [baseline] }] }],
  served: [${options.served ?? ""}],
});
`;
}
