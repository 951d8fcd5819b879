import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { type CheckFinding, type ClusterInput, finding, fromCore } from "@k8s-ops/checks";
import {
  type Cluster,
  clusterApps,
  LOCK_FILE,
  OptionError,
  type RenderedCluster,
  recoverWrite,
  ValidationError,
  WriteLocked,
} from "@k8s-ops/core";
import { renderWithReadme } from "./cluster-readme.js";
import { componentReferences } from "./harvest.js";
import { type Output, printFindings, processOutput } from "./output.js";
import { holdingSignals } from "./signals.js";
import { stateFindings } from "./state.js";
import { CLUSTER_MODULE, type ClusterPackage, loadCluster, UsageError } from "./workspace.js";
import { writeOptions } from "./write-hooks.js";

/** A cluster package loaded and rendered in memory, or the findings that stopped it. */
export interface LoadedCluster {
  readonly pkg: ClusterPackage;
  readonly cluster?: Cluster;
  readonly rendered?: RenderedCluster;
  /** Why it did not load, or what core's validation found. */
  readonly findings: readonly CheckFinding[];
  /** Milliseconds spent loading its module (what others already loaded aside) and rendering it. */
  readonly ms: number;
}

/** The cluster's files as they would be after a render: the rendered ones and the hand-written ones on disk. */
export function workingFiles(loaded: LoadedCluster): Map<string, string> {
  const files = new Map(loaded.rendered?.files ?? []);
  for (const path of loaded.rendered?.handWritten ?? []) {
    const full = join(loaded.pkg.dir, path);
    if (existsSync(full)) files.set(path, readFileSync(full, "utf8"));
  }
  return files;
}

/**
 * Finishes any write an interruption left half done, in every cluster folder given, before anything reads them. Stop
 * signals wait until every journal is finished, then end the command.
 */
export async function recoverAll(
  packages: readonly ClusterPackage[],
  output: Output = processOutput,
): Promise<CheckFinding[]> {
  return holdingSignals(async (hold) => {
    const locked: CheckFinding[] = [];
    for (const pkg of packages) {
      try {
        await recoverWrite(pkg.dir, writeOptions(hold, output));
      } catch (error) {
        if (!(error instanceof WriteLocked)) throw error;
        locked.push(writeLocked(pkg, error));
      }
    }
    return locked;
  });
}

/** Another k8s-ops is writing the folder: reading it now would see a half-written tree. */
function writeLocked(pkg: ClusterPackage, error: WriteLocked): CheckFinding {
  return finding(
    "WRITE_LOCKED",
    `${pkg.root}/${LOCK_FILE}`,
    "another k8s-ops is writing this cluster folder",
    {
      expected: "no other k8s-ops command writing it",
      found: `the lock of pid ${error.pid}, a live process`,
    },
  );
}

/**
 * The clusters a comparison (`diff`, `changes`) reads: their folders settled and every cluster rendered; undefined,
 * with the reason printed, when a folder cannot be read or a cluster does not render.
 */
export async function loadForComparison(
  packages: readonly ClusterPackage[],
  output: Output,
): Promise<LoadedCluster[] | undefined> {
  const { findings: broken } = await settleFolders(packages, output);
  if (broken.length > 0) {
    printFindings(output, broken, "nothing was compared.");
    return undefined;
  }
  const loaded = await loadAll(packages);
  const problems = loaded.flatMap((l) => l.findings);
  if (problems.length > 0) {
    printFindings(output, problems, "the working tree does not render, so there is nothing to compare.");
    return undefined;
  }
  return loaded;
}

/** The cluster folders a command may read, and why the others may not. */
export interface SettledFolders {
  readonly intact: readonly ClusterPackage[];
  readonly findings: readonly CheckFinding[];
}

/**
 * What every command does first with the cluster folders it reads: those whose bookkeeping is intact get any write an
 * interruption left half done finished (`recoverAll`); the others are reported (unreadable, not JSON) and left alone.
 */
export async function settleFolders(
  packages: readonly ClusterPackage[],
  output: Output = processOutput,
): Promise<SettledFolders> {
  const found = packages.map(stateFindings);
  const intact = packages.filter((_, index) => found[index]?.length === 0);
  const locked = await recoverAll(intact, output);
  const settled = intact.filter((pkg) => !locked.some((f) => f.path.startsWith(`${pkg.root}/`)));
  return { intact: settled, findings: [...found.flat(), ...locked] };
}

/** Loads and renders each cluster package; a module that throws becomes findings, never a crash. */
export async function loadAll(packages: readonly ClusterPackage[]): Promise<LoadedCluster[]> {
  const loaded: LoadedCluster[] = [];
  for (const pkg of packages) loaded.push(await loadOne(pkg));
  return loaded;
}

async function loadOne(pkg: ClusterPackage): Promise<LoadedCluster> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  let cluster: Cluster;
  try {
    cluster = await loadCluster(pkg);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof ValidationError) return { pkg, findings: error.findings.map(fromCore), ms: ms() };
    if (error instanceof OptionError) return { pkg, findings: [optionFinding(pkg, error)], ms: ms() };
    return { pkg, findings: [loadFailure(pkg, error)], ms: ms() };
  }
  const rendered = renderWithReadme(cluster, { root: pkg.root });
  return { pkg, cluster, rendered, findings: rendered.findings.map(fromCore), ms: ms() };
}

/** A builder's OptionError, placed in the cluster module that called the builder. */
function optionFinding(pkg: ClusterPackage, error: OptionError): CheckFinding {
  return fromCore({ ...error.finding, path: `${pkg.root}/${CLUSTER_MODULE} › ${error.finding.path}` });
}

function loadFailure(pkg: ClusterPackage, error: unknown): CheckFinding {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const frame = error instanceof Error ? /\n\s+at (.*)/.exec(error.stack ?? "")?.[1] : undefined;
  return finding("CLUSTER_LOAD", `${pkg.root}/${CLUSTER_MODULE}`, "the cluster module failed to load", {
    expected: "a module exporting cluster = defineCluster(…)",
    found: frame ? `${message.split("\n")[0]} (at ${relativeFrame(frame)})` : message.split("\n")[0],
  });
}

/** A stack frame with the working folder (as a path or a file URL) left out. */
function relativeFrame(frame: string): string {
  const cwd = process.cwd();
  return frame.replace(`${pathToFileURL(cwd).href}/`, "").replace(`${cwd}/`, "");
}

/** What the checks read of a loaded cluster: its rendered files plus the hand-written ones on disk. */
export function checkInput(
  loaded: LoadedCluster,
  options: { strayFiles?: boolean } = {},
): ClusterInput | undefined {
  const { pkg, cluster, rendered } = loaded;
  if (!cluster || !rendered) return undefined;
  const files = new Map(rendered.files);
  const handWritten: string[] = [];
  const add = (path: string) => {
    const full = join(pkg.dir, path);
    if (files.has(path) || !existsSync(full)) return;
    files.set(path, readFileSync(full, "utf8"));
    handWritten.push(path);
  };
  for (const path of rendered.handWritten) add(path);
  // A listed file that is gone is reported once, as FILE_MISSING, when the write is planned; the tree reads it empty.
  for (const path of rendered.handWritten) if (!files.has(path)) files.set(path, "");
  if (options.strayFiles) for (const path of strayYaml(pkg.dir)) add(path);
  return {
    name: cluster.settings.name,
    root: pkg.root,
    settings: cluster.settings,
    files,
    handWritten,
    apps: clusterApps(cluster),
    served: cluster.served ?? [],
    references: componentReferences(cluster),
  };
}

/** YAML files on disk in the Flux folders of a cluster. */
function strayYaml(dir: string): string[] {
  return ["flux", "apps", "components"].flatMap((top) => {
    const base = join(dir, top);
    if (!existsSync(base)) return [];
    return readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"));
  });
}
