import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "./manifest.ts";

const manifestPath = new URL("../../crds.json", import.meta.url).pathname;

describe("crds.json", () => {
  it("pins every file to its project's commit, with a sha256 and a license", async () => {
    // GIVEN the package's manifest WHEN read
    const inputs = await readManifest(manifestPath);
    // THEN every upstream URL names the pinned commit and every file sits under crds/<project>/
    for (const input of inputs) {
      expect(input.license, input.project).toBe("Apache-2.0");
      for (const file of input.files) {
        expect(file.url).toMatch(
          new RegExp(`^https://raw\\.githubusercontent\\.com/${input.repository}/${input.commit}/`),
        );
        expect(file.file).toMatch(/^crds\/[a-z-]+\/[^/]+\.yaml$/);
      }
    }
    expect(inputs.map((input) => input.project)).not.toContain("volsync");
    expect(inputs.map((input) => input.project)).not.toContain("flux-operator");
  });

  it("rejects a malformed entry with its path", async () => {
    // GIVEN a manifest whose file has a short sha256
    const dir = await mkdtemp(join(tmpdir(), "crds-manifest-"));
    const path = join(dir, "crds.json");
    const file = { file: "crds/x/x.yaml", url: "https://example.com/x.yaml", sha256: "abc" };
    const entry = {
      project: "x",
      repository: "x/x",
      commit: "1",
      version: "1",
      latestRelease: "1",
      license: "MIT",
    };
    await writeFile(path, JSON.stringify({ inputs: [{ ...entry, files: [file] }] }));
    // THEN
    await expect(readManifest(path)).rejects.toThrow(
      `${path}: inputs[0].files[0].sha256: expected 64 hex digits`,
    );
    await rm(dir, { recursive: true, force: true });
  });
});
