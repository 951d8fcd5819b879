import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createWorkspace, demoCluster, type TestWorkspace } from "./test-workspace.js";

/** The hand-written, sops-encrypted Secret every bad-input workspace keeps beside its rendered app. */
export const SECRET_PATH = "apps/default/web/app/secret.sops.yaml";

export const ENCRYPTED_SECRET = [
  "apiVersion: v1",
  "kind: Secret",
  "metadata:",
  "  name: web-token",
  "stringData:",
  "  token: ENC[AES256_GCM,data:c2VjcmV0,iv:aXY=,tag:dGFn,type:str]",
  "sops:",
  "  age:",
  "    - recipient: age1examplexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
  "  lastmodified: '2025-01-01T00:00:00Z'",
  "  mac: ENC[AES256_GCM,data:bWFj,iv:aXY=,tag:dGFn,type:str]",
  "  encrypted_regex: ^(data|stringData)$",
  "  version: 3.9.0",
  "",
].join("\n");

/** The repository's sops rules: every *.sops.yaml under clusters/, data and stringData encrypted. */
export const SOPS_CONFIG = [
  "creation_rules:",
  "  - path_regex: clusters/.*\\.sops\\.ya?ml$",
  "    encrypted_regex: ^(data|stringData)$",
  "    age: age1examplexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
  "",
].join("\n");

/** A cluster source that must not render, and what render must say about it. */
export interface BadSource {
  readonly name: string;
  readonly source: string;
  readonly stderr: readonly string[];
  /** @default 1 */
  readonly status?: number;
}

/**
 * Runs each bad source through the real binary on a rendered repository: render must print exactly `stderr`, exit
 * `status` and leave the tree (and the hand-written secret) byte-identical; check must fail on it too, writing nothing.
 */
export function runCatalog(cases: readonly BadSource[]): void {
  let ws: TestWorkspace;
  let rendered: Map<string, string>;
  beforeAll(() => {
    // GIVEN a repository whose tree was rendered from a valid cluster, with a hand-written encrypted secret
    ws = createWorkspace();
    ws.write(".sops.yaml", SOPS_CONFIG);
    ws.writeCluster(demoCluster());
    ws.write(`clusters/demo/${SECRET_PATH}`, ENCRYPTED_SECRET);
    expect(ws.run("render").status).toBe(0);
    rendered = ws.tree();
  });
  afterAll(() => ws.remove());
  afterEach(() => {
    // A case that wrongly rendered must not spoil the next ones: put the valid tree back.
    if (mapsEqual(ws.tree(), rendered)) return;
    ws.writeCluster(demoCluster());
    ws.run("render");
  });

  it.each(cases)(
    "$name: a clear message, a non-zero exit, the tree as it was",
    ({ source, stderr, status = 1 }) => {
      // WHEN the source turns bad and it renders
      ws.writeCluster(source);
      const result = ws.run("render");
      // THEN
      const problems = stderr.filter((line) => line.startsWith("error ")).length;
      const count = problems === 1 ? "1 problem" : `${problems} problems`;
      const trailer = status === 1 ? [`${count} found; nothing was written.`] : [];
      expect(result.stderr).toBe(`${[...stderr, ...trailer].join("\n")}\n`);
      expect(result.status).toBe(status);
      expect(ws.tree()).toEqual(rendered);
      expect(ws.tree().get(SECRET_PATH)).toBe(ENCRYPTED_SECRET);
      // AND check, which writes nothing, fails on it too
      const check = ws.run("check", "--skip-kustomize");
      expect(check.status).toBe(status);
      if (status === 1) expect(check.stdout).toContain(`error ${stderr[0]?.split(" ")[1]} `);
      expect(ws.tree()).toEqual(rendered);
    },
  );
}

function mapsEqual(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}
