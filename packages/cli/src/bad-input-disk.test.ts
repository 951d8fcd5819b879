import { chmodSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENCRYPTED_SECRET, SECRET_PATH, SOPS_CONFIG } from "./bad-input-support.js";
import { createWorkspace, demoCluster, NOBODY, type TestWorkspace, twoAppCluster } from "./test-workspace.js";

const ROOT = process.getuid?.() === 0;

function failed(result: { status: number | null; stderr: string }, lines: string[]): void {
  const problems = lines.filter((line) => line.startsWith("error ")).length;
  const count = problems === 1 ? "1 problem" : `${problems} problems`;
  expect(result.stderr).toBe(`${[...lines, `${count} found; nothing was written.`].join("\n")}\n`);
  expect(result.status).toBe(1);
}

/** A second app in the cluster, so a write has several files to move. */
const TWO_APPS = twoAppCluster(2);

describe("k8s-ops on a bad tree on disk", () => {
  let ws: TestWorkspace;
  let rendered: Map<string, string>;
  beforeEach(() => {
    // GIVEN a rendered tree with its hand-written encrypted secret
    ws = createWorkspace();
    ws.write(".sops.yaml", SOPS_CONFIG);
    ws.writeCluster(demoCluster());
    ws.write(`clusters/demo/${SECRET_PATH}`, ENCRYPTED_SECRET);
    expect(ws.run("render").status).toBe(0);
    rendered = ws.tree();
  });
  afterEach(() => {
    chmodAll(ws.clusterDir, true);
    ws.remove();
  });

  it("refuses to overwrite a hand-edited generated file", () => {
    ws.writeCluster(demoCluster(2));
    ws.write("clusters/demo/apps/default/web/app/helmrelease.yaml", "edited: true\n");
    const before = ws.tree();
    failed(ws.run("render"), [
      "error FILE_EDITED clusters/demo/apps/default/web/app/helmrelease.yaml: a generated file was edited by hand; change the TypeScript source instead, then delete the file",
      "  expected: the content k8s-ops generated last time",
      "  found:    different content",
    ]);
    expect(ws.tree()).toEqual(before);
  });

  it("leaves a folder another k8s-ops is writing to that command", () => {
    // GIVEN a write under way in another live process: its lock and its staging folder
    ws.writeCluster(demoCluster(2));
    ws.write("clusters/demo/.k8s-ops/lock", `${process.pid}\n`);
    ws.write("clusters/demo/.k8s-ops/staging/apps/default/web/app/helmrelease.yaml", "# being written\n");
    const before = ws.tree();
    // WHEN a render starts THEN it stops without touching the other command's write
    failed(ws.run("render"), [
      "error WRITE_LOCKED clusters/demo/.k8s-ops/lock: another k8s-ops is writing this cluster folder",
      "  expected: no other k8s-ops command writing it",
      `  found:    the lock of pid ${process.pid}, a live process`,
    ]);
    expect(ws.tree()).toEqual(before);
  });

  it("refuses to overwrite a file k8s-ops did not generate where it would write", () => {
    // GIVEN a hand-written file where the new app's release would go
    ws.writeCluster(TWO_APPS);
    ws.write("clusters/demo/apps/default/api/app/helmrelease.yaml", "# mine\n");
    const before = ws.tree();
    failed(ws.run("render"), [
      "error FILE_NOT_OWNED clusters/demo/apps/default/api/app/helmrelease.yaml: a file k8s-ops did not generate stands where it would write; it is left as it is",
      "  expected: no file at this path, or one k8s-ops generated",
      "  found:    a hand-written file",
    ]);
    expect(ws.tree()).toEqual(before);
  });

  it("reports a listed hand-written file that is gone", () => {
    rmSync(join(ws.clusterDir, SECRET_PATH));
    const before = ws.tree();
    failed(ws.run("render"), [
      "error FILE_MISSING clusters/demo/apps/default/web/app/secret.sops.yaml: an app lists a hand-written file that does not exist",
      "  expected: the file, written by hand (e.g. encrypted with sops)",
      "  found:    no file",
    ]);
    expect(ws.tree()).toEqual(before);
  });

  it(`refuses to start a write into a read-only folder${ROOT ? " (as root: run as uid 65534, for which the tree is read-only)" : ""}`, () => {
    // GIVEN a change to write, and a tree the user running k8s-ops cannot write to
    ws.writeCluster(demoCluster(2));
    if (!ROOT) chmodAll(ws.clusterDir, false);
    // WHEN
    const result = ws.runWith(ROOT ? { uid: NOBODY } : {}, "render");
    // THEN
    failed(result, [
      "error NOT_WRITABLE clusters/demo/.k8s-ops: the folder k8s-ops writes into is not writable",
      "  expected: a writable folder",
      "  found:    not writable",
      "error NOT_WRITABLE clusters/demo/apps/default/web/app: the folder k8s-ops writes into is not writable",
      "  expected: a writable folder",
      "  found:    not writable",
    ]);
    expect(ws.tree()).toEqual(rendered);
  });

  it(`reports an output folder it cannot read${ROOT ? " (as root: run as uid 65534, for which the folder is root's alone)" : ""}`, () => {
    // GIVEN a change to write, and a folder of the tree the user running k8s-ops cannot read
    ws.writeCluster(demoCluster(2));
    const before = ws.tree();
    chmodSync(join(ws.clusterDir, "apps/default/web"), ROOT ? 0o700 : 0o000);
    // WHEN
    const render = ws.runWith(ROOT ? { uid: NOBODY } : {}, "render");
    const check = ws.runWith(ROOT ? { uid: NOBODY } : {}, "check", "--skip-kustomize");
    // THEN both report it, with what to do, instead of failing half way on EACCES; nothing changes
    failed(render, [
      "error NOT_READABLE clusters/demo/apps/default/web: the folder k8s-ops reads and writes is not readable",
      "  expected: a folder the user running k8s-ops can read",
      "  found:    not readable",
    ]);
    expect(check.stdout.replace(/ in \d+ ms\n$/, "")).toBe(
      [
        "demo",
        "  (files)",
        "    apps/default/web",
        "      error NOT_READABLE the folder k8s-ops reads and writes is not readable",
        "        expected: a folder the user running k8s-ops can read",
        "        found:    not readable",
        "        hint:     make the folder or file readable (and writable) by the user running k8s-ops",
        "demo: 1 error · cross-cluster: no problems",
        "CRD validation rules: 0 evaluated, 0 skipped (oldSelf), 0 not evaluable · kubectl kustomize: 0 built, 0 failed, 0 not built",
        "1 error",
      ].join("\n"),
    );
    expect(check.status).toBe(1);
    chmodAll(ws.clusterDir, true);
    expect(ws.tree()).toEqual(before);
  });

  it("stops when its state folder is a file (a path under a non-directory)", () => {
    rmSync(join(ws.clusterDir, ".k8s-ops"), { recursive: true });
    writeFileSync(join(ws.clusterDir, ".k8s-ops"), "not a folder\n");
    ws.writeCluster(demoCluster(2));
    const before = ws.tree();
    failed(ws.run("render"), [
      "error NOT_WRITABLE clusters/demo/.k8s-ops: k8s-ops keeps its manifest and journal in this folder, but it is a file",
      "  expected: a folder (or nothing)",
      "  found:    a file",
    ]);
    expect(ws.run("check", "--skip-kustomize").status).toBe(1);
    expect(ws.tree()).toEqual(before);
  });

  it("stops on a manifest that is not JSON", () => {
    ws.write("clusters/demo/.k8s-ops/manifest.json", "{ broken");
    const before = ws.tree();
    failed(ws.run("render"), [
      "error FILE_EDITED clusters/demo/.k8s-ops/manifest.json: the record of the files k8s-ops generated is not valid JSON",
      "  expected: the JSON k8s-ops wrote",
      "  found:    Expected property name or '}' in JSON at position 2 (line 1 column 3)",
    ]);
    expect(ws.tree()).toEqual(before);
  });

  it("stops on a journal that is not JSON, rather than replay it", () => {
    ws.write("clusters/demo/.k8s-ops/journal.json", "{ half");
    const before = ws.tree();
    failed(ws.run("render"), [
      "error FILE_EDITED clusters/demo/.k8s-ops/journal.json: the journal of an interrupted write is not valid JSON",
      "  expected: the JSON k8s-ops wrote",
      "  found:    Expected property name or '}' in JSON at position 2 (line 1 column 3)",
    ]);
    const check = ws.run("check", "--skip-kustomize");
    expect(check.stdout).toContain(
      "      error FILE_EDITED the journal of an interrupted write is not valid JSON\n",
    );
    expect(check.status).toBe(1);
    expect(ws.tree()).toEqual(before);
  });

  it("discards a half-written staging folder a crash left before its journal, keeping the old tree", () => {
    // GIVEN staged files of a write that never reached its journal
    ws.write("clusters/demo/.k8s-ops/staging/apps/default/web/app/helmrelease.yaml", "half: written\n");
    // WHEN a command runs
    expect(ws.run("render", "--check").status).toBe(0);
    // THEN the staging is gone and the tree is the old one
    expect(ws.tree()).toEqual(rendered);
  });
});

function chmodAll(dir: string, writable: boolean): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(path, writable ? 0o755 : 0o555);
  }
  if (statSync(dir).isDirectory()) chmodSync(dir, writable ? 0o755 : 0o555);
}
