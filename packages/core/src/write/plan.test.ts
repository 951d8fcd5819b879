import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RenderedCluster } from "../render.js";
import type { DemoOptions } from "../test-fixtures.js";
import {
  demoApps,
  readFolders,
  readTree,
  render,
  tempDir,
  withoutState,
  writeHandFile,
} from "../test-fixtures.js";
import { commitWrite } from "./commit.js";
import { MANIFEST_FILE } from "./manifest.js";
import { hasChanges, planWrite } from "./plan.js";

const demo = (options: DemoOptions = {}) => render(demoApps(options));

/** Plans and commits a render that must not conflict with anything on disk. */
async function write(dir: string, rendered: RenderedCluster) {
  const plan = await planWrite(dir, rendered);
  expect(plan.findings).toEqual([]);
  await commitWrite(plan);
  return plan;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const HELMRELEASE = "apps/apps/podinfo/app/helmrelease.yaml";

describe("planWrite and commitWrite", () => {
  it("creates every file and the manifest on the first write", async () => {
    // GIVEN an empty folder and a rendered cluster
    const dir = await tempDir();
    const rendered = demo();
    // WHEN it is written
    const plan = await write(dir, rendered);
    // THEN every file was planned as added and is on disk with its content, and the manifest hashes each
    const files = Object.fromEntries(rendered.files);
    expect(plan.added).toEqual(Object.keys(files).sort());
    expect([plan.changed, plan.removed]).toEqual([[], []]);
    const tree = await readTree(dir);
    expect(withoutState(tree)).toEqual(files);
    expect(Object.keys(tree).filter((path) => path.startsWith(".k8s-ops/"))).toEqual([MANIFEST_FILE]);
    expect(JSON.parse(tree[MANIFEST_FILE] ?? "")).toEqual({
      generator: "k8s-ops",
      files: Object.fromEntries(Object.entries(files).map(([path, content]) => [path, sha256(content)])),
    });
  });

  it("plans nothing when nothing changed, and writing that plan changes no byte", async () => {
    // GIVEN a written cluster
    const dir = await tempDir();
    await write(dir, demo());
    const before = await readTree(dir);
    // WHEN the same cluster is planned and written again
    const plan = await write(dir, demo());
    // THEN
    expect([plan.added, plan.changed, plan.removed]).toEqual([[], [], []]);
    expect(hasChanges(plan)).toBe(false);
    expect(await readTree(dir)).toEqual(before);
  });

  it("plans and writes a changed file, and only that file", async () => {
    // GIVEN a written cluster
    const dir = await tempDir();
    await write(dir, demo());
    const before = await readTree(dir);
    // WHEN podinfo's values change
    const rendered = demo({ replicas: 3 });
    const plan = await write(dir, rendered);
    // THEN only its HelmRelease (and the manifest) changed on disk
    expect([plan.added, plan.changed, plan.removed]).toEqual([[], [HELMRELEASE], []]);
    expect(hasChanges(plan)).toBe(true);
    const after = await readTree(dir);
    expect(after[HELMRELEASE]).toBe(rendered.files.get(HELMRELEASE));
    expect(after[HELMRELEASE]).toContain("replicas: 3");
    const unchanged = (tree: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(tree).filter(([path]) => path !== HELMRELEASE && path !== MANIFEST_FILE),
      );
    expect(unchanged(after)).toEqual(unchanged(before));
  });

  it("removes files no longer rendered and prunes emptied folders, but keeps a folder with a hand-written file", async () => {
    // GIVEN a written cluster, with a README by hand in tools/echo/app
    const dir = await tempDir();
    await write(dir, demo());
    await writeHandFile(dir, "apps/tools/echo/app/README.md", "# echo\n");
    // WHEN the config stage and the whole tools namespace are dropped
    const rendered = demo({ stage: false, tools: false });
    const plan = await write(dir, rendered);
    // THEN their files are removed
    expect(plan.removed).toEqual([
      "apps/apps/podinfo/config/configmap.yaml",
      "apps/apps/podinfo/config/kustomization.yaml",
      "apps/tools/echo/app/helmrelease.yaml",
      "apps/tools/echo/app/kustomization.yaml",
      "apps/tools/echo/app/ocirepository.yaml",
      "apps/tools/echo/ks.yaml",
      "apps/tools/kustomization.yaml",
      "apps/tools/namespace.yaml",
    ]);
    expect(withoutState(await readTree(dir))).toEqual({
      ...Object.fromEntries(rendered.files),
      "apps/tools/echo/app/README.md": "# echo\n",
    });
    // AND the emptied config folder is gone, while the folders holding the README stay
    const folders = await readFolders(dir);
    expect(folders).not.toContain("apps/apps/podinfo/config");
    expect(folders).toEqual(expect.arrayContaining(["apps/tools", "apps/tools/echo", "apps/tools/echo/app"]));
  });

  it("never touches hand-written files, through additions, changes and removals", async () => {
    // GIVEN podinfo listing an encrypted secret, written by hand, and a README by hand beside generated files
    const dir = await tempDir();
    const hand = {
      "apps/apps/podinfo/app/secret.sops.yaml": "apiVersion: v1\nkind: Secret\nsops: {}\n",
      "apps/apps/podinfo/app/README.md": "# podinfo\n",
    };
    for (const [path, content] of Object.entries(hand)) await writeHandFile(dir, path, content);
    const files = ["secret.sops.yaml"];
    // WHEN the cluster is written, changed, and shrunk
    for (const rendered of [
      demo({ files }),
      demo({ files, replicas: 5 }),
      demo({ files, stage: false, tools: false }),
    ]) {
      const plan = await write(dir, rendered);
      // THEN no plan names them, and they stay byte-for-byte, beside exactly the rendered files
      const scheduled = [...plan.added, ...plan.changed, ...plan.removed];
      for (const path of Object.keys(hand)) expect(scheduled).not.toContain(path);
      expect(withoutState(await readTree(dir))).toEqual({ ...Object.fromEntries(rendered.files), ...hand });
    }
  });

  it("refuses to overwrite a file it did not generate", async () => {
    // GIVEN a hand-written file where the HelmRelease would go, and no manifest
    const dir = await tempDir();
    await writeHandFile(dir, HELMRELEASE, "# mine\n");
    const before = await readTree(dir);
    // WHEN the cluster is planned
    const plan = await planWrite(dir, demo());
    // THEN the plan is refused for that file, which it does not schedule, and nothing was written
    expect(plan.findings).toEqual([
      {
        code: "FILE_NOT_OWNED",
        path: `clusters/test/${HELMRELEASE}`,
        message: "a file k8s-ops did not generate stands where it would write; it is left as it is",
        expected: "no file at this path, or one k8s-ops generated",
        found: "a hand-written file",
      },
    ]);
    expect([...plan.added, ...plan.changed]).not.toContain(HELMRELEASE);
    expect(await readTree(dir)).toEqual(before);
  });

  it("refuses to overwrite or remove a generated file edited by hand", async () => {
    // GIVEN a written cluster whose HelmRelease and echo ks.yaml were edited by hand
    const dir = await tempDir();
    await write(dir, demo());
    await writeFile(join(dir, HELMRELEASE), "# edited\n");
    await writeFile(join(dir, "apps/tools/echo/ks.yaml"), "# edited\n");
    const before = await readTree(dir);
    // WHEN a render that would change the first and remove the second is planned
    const plan = await planWrite(dir, demo({ replicas: 3, tools: false }));
    // THEN both are reported, neither is scheduled, nothing was written
    const edited = (path: string) => ({
      code: "FILE_EDITED",
      path: `clusters/test/${path}`,
      message:
        "a generated file was edited by hand; change the TypeScript source instead, then delete the file",
      expected: "the content k8s-ops generated last time",
      found: "different content",
    });
    expect(plan.findings).toEqual([edited(HELMRELEASE), edited("apps/tools/echo/ks.yaml")]);
    expect(plan.changed).toEqual(["apps/kustomization.yaml"]);
    expect(plan.removed).not.toContain("apps/tools/echo/ks.yaml");
    expect(plan.removed).toContain("apps/tools/echo/app/helmrelease.yaml");
    expect(await readTree(dir)).toEqual(before);
  });

  it("reports a declared hand-written file that is missing", async () => {
    // GIVEN podinfo listing secret.sops.yaml, which nobody wrote
    const dir = await tempDir();
    // WHEN / THEN
    const plan = await planWrite(dir, demo({ files: ["secret.sops.yaml"] }));
    expect(plan.findings).toEqual([
      {
        code: "FILE_MISSING",
        path: "clusters/test/apps/apps/podinfo/app/secret.sops.yaml",
        message: "an app lists a hand-written file that does not exist",
        expected: "the file, written by hand (e.g. encrypted with sops)",
        found: "no file",
      },
    ]);
  });
});
