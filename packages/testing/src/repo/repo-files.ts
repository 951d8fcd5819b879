import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { repositoryRoot } from "../schemas.js";

/** The repository these tests check (they run from packages/testing). */
export const ROOT = repositoryRoot() ?? process.cwd();

/** Tracked and not-yet-tracked (but not ignored) files, relative to the root. */
export function repoFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return out.split("\n").filter((f) => f !== "");
}

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

/** A glob as Renovate and minimatch read it (`**` spans folders, `*` stays within one), as a RegExp. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (glob.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 2;
    } else if (glob.startsWith("/**", i) && i + 3 === glob.length) {
      source += "(?:/.*)?";
      i += 2;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/**
 * JSON5 read without a JSON5 library: comments outside strings dropped, unquoted keys quoted, trailing commas
 * removed, then JSON.parse. Enough for configuration written in the JSON-compatible subset (double quotes).
 */
export function parseJson5(text: string): unknown {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (text.startsWith("/*", i)) {
      i = text.indexOf("*/", i) + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i))?.[0] ?? c;
      const isKey = /^\s*:/.test(text.slice(i + word.length));
      out += isKey ? JSON.stringify(word) : word;
      i += word.length - 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, "$1"));
}

interface YamlModule {
  parse(text: string): unknown;
  parseAllDocuments(text: string): { toJS(): unknown }[];
}

/**
 * `yaml` is a dependency of @k8s-ops/core, not of this package: it is loaded from core's folder, so these
 * repository tests need no dependency of their own.
 */
export const yaml: YamlModule = createRequire(
  createRequire(import.meta.url).resolve("@k8s-ops/core/package.json"),
)("yaml");
