// Regenerates src/generated/ from the inputs pinned in crds.json with @kubernetes-models/crd-generate.
//
//   node scripts/generate.ts [--source local|upstream] [--schemas DIR] [--out DIR]
//
// --source local (default, or CRDS_SOURCE=local) reads the files from the shared schemas folder
// (`../shared/schemas` beside the repository root, or --schemas DIR); --source upstream (CRDS_SOURCE=upstream)
// downloads them from their pinned upstream URLs. Either way each file must match its pinned sha256.
// The output is written to a staging folder and swapped in only when everything succeeded.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type GeneratedGroup, renderCatalog } from "./lib/catalog.ts";
import { prepareInput, type Source } from "./lib/inputs.ts";
import { type ManifestInput, readManifest } from "./lib/manifest.ts";
import { postprocess } from "./lib/postprocess.ts";

const packageDir = resolve(import.meta.dirname, "..");
const repositoryRoot = resolve(packageDir, "../..");
const crdGenerateBin = new URL(
  "../bin/crd-generate.js",
  import.meta.resolve("@kubernetes-models/crd-generate"),
);

function options(): { source: Source; out: string } {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === "--" ? args.slice(1) : args, // `pnpm generate -- --flag` passes the "--" on
    options: { source: { type: "string" }, schemas: { type: "string" }, out: { type: "string" } },
  });
  const kind = values.source ?? process.env.CRDS_SOURCE ?? "local";
  const out = resolve(values.out ?? join(packageDir, "src/generated"));
  if (kind === "upstream") return { source: { kind }, out };
  if (kind !== "local") throw new Error(`--source: expected "local" or "upstream", found "${kind}"`);
  const schemasDir = resolve(values.schemas ?? join(repositoryRoot, "../shared/schemas"));
  if (!existsSync(schemasDir)) {
    throw new Error(
      `${schemasDir} does not exist: pass --schemas DIR, or --source upstream to download the inputs`,
    );
  }
  return { source: { kind, schemasDir }, out };
}

function crdGenerate(input: string, output: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(crdGenerateBin), "--input", input, "--output", output],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`crd-generate ${input}: ${stderr}`))));
  });
}

async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
  const files = new Map<string, string>();
  for (const path of paths.sort()) files.set(path, await readFile(join(dir, path), "utf8"));
  return files;
}

async function generateInput(input: ManifestInput, source: Source, work: string) {
  const prepared = await prepareInput(input, source);
  const yamlPath = join(work, `${input.project}.yaml`);
  await writeFile(yamlPath, prepared.yaml);
  await crdGenerate(yamlPath, join(work, input.project));
  const result = postprocess(input, await readTree(join(work, input.project)));
  for (const fix of prepared.fixes) console.log(`${input.project}: normalised ${fix}`);
  const kinds = result.groupVersions.reduce((sum, gv) => sum + gv.kinds.length, 0);
  console.log(`${input.project}: ${kinds} kinds, ${result.files.size} files`);
  return { input, ...result };
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the items' order in the result. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const queue = items.entries();
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) results[index] = await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function writeTree(out: string, files: ReadonlyMap<string, string>): Promise<void> {
  const staging = `${out}.staging`;
  await rm(staging, { recursive: true, force: true });
  for (const [path, content] of files) {
    await mkdir(dirname(join(staging, path)), { recursive: true });
    await writeFile(join(staging, path), content);
  }
  await rm(out, { recursive: true, force: true });
  await rename(staging, out);
}

async function main(): Promise<void> {
  const { source, out } = options();
  const inputs = await readManifest(join(packageDir, "crds.json"));
  const work = await mkdtemp(join(tmpdir(), "k8s-ops-crds-"));
  try {
    const results = await mapLimit(inputs, 2, (input) => generateInput(input, source, work));
    const files = new Map<string, string>();
    const groups: GeneratedGroup[] = [];
    for (const { input, ...result } of results) {
      for (const [path, content] of result.files) {
        if (files.has(path)) throw new Error(`${input.project}: ${path} is also generated by another input`);
        files.set(path, content);
      }
      groups.push(...result.groupVersions.map((gv) => ({ ...gv, input })));
    }
    files.set("catalog.ts", renderCatalog(groups));
    await writeTree(out, files);
    console.log(`wrote ${files.size} files to ${relative(process.cwd(), out) || "."}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
