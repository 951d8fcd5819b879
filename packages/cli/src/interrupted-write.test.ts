import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { ENCRYPTED_SECRET, SECRET_PATH, SOPS_CONFIG } from "./bad-input-support.js";
import { createWorkspace, demoCluster, type TestWorkspace, twoAppCluster } from "./test-workspace.js";

/** Before: web and api. After: web scaled, api gone, so the write both moves files into place and removes some. */
const OLD = twoAppCluster(1);
const NEW = demoCluster(2);
const JOURNAL = ".k8s-ops/journal.json";
const STAGING = ".k8s-ops/staging";

/** A repository with the hand-written secret, `source` rendered. */
function workspaceWith(source: string): TestWorkspace {
  const ws = createWorkspace();
  ws.write(".sops.yaml", SOPS_CONFIG);
  ws.write(`clusters/demo/${SECRET_PATH}`, ENCRYPTED_SECRET);
  ws.writeCluster(source);
  expect(ws.run("render").stderr).toBe("");
  return ws;
}

/** The generated and hand-written files, without k8s-ops' bookkeeping. */
const visible = (tree: Map<string, string>) => [...tree].filter(([path]) => !path.startsWith(".k8s-ops/"));

describe("a render interrupted in the middle of its write", () => {
  let oldTree: Map<string, string>;
  let newTree: Map<string, string>;
  let ws: TestWorkspace;
  beforeAll(() => {
    // GIVEN the trees an uninterrupted render of OLD, then of NEW, leaves
    const reference = workspaceWith(OLD);
    oldTree = reference.tree();
    reference.writeCluster(NEW);
    expect(reference.run("render").status).toBe(0);
    newTree = reference.tree();
    reference.remove();
    expect(visible(newTree).filter(([path, content]) => oldTree.get(path) !== content).length).toBe(3);
    expect([...oldTree.keys()].filter((path) => !newTree.has(path)).length).toBe(4);
  });
  beforeEach(() => {
    // GIVEN OLD rendered, and NEW written in the source, not yet rendered
    ws = workspaceWith(OLD);
    expect(ws.tree()).toEqual(oldTree);
    ws.writeCluster(NEW);
  });
  afterEach(() => ws.remove());

  describe("killed (SIGKILL, which no process can catch)", () => {
    it.each([0, 1, 3])(
      "after %i moves: old and new files mixed, with the journal, until the next command finishes the write",
      (moves) => {
        // WHEN the render is killed after `moves` files were moved into place
        const killed = ws.runWith({ env: { K8S_OPS_INTERRUPT_AFTER: String(moves) } }, "render");
        // THEN right after the kill: the journal is there, and exactly `moves` files already hold the new content
        expect(killed.signal).toBe("SIGKILL");
        const mixed = ws.tree();
        expect(mixed.has(JOURNAL)).toBe(true);
        expect(visible(mixed).filter(([path, content]) => oldTree.get(path) !== content).length).toBe(moves);
        // AND once the next command ran (check writes nothing of its own, but finishes the write first)
        expect(ws.run("check", "--skip-kustomize").stdout).not.toContain("TREE_DRIFT");
        expect(ws.tree()).toEqual(newTree);
      },
    );

    it.each([
      ["stage:1", "a file staged", "old"],
      ["stage:4", "every file staged", "old"],
      ["journal.tmp", "the journal written, not yet renamed into place", "old"],
      ["journal", "the journal in place, nothing moved", "new"],
      ["move:4", "every file moved, nothing removed", "new"],
      ["remove:1", "one of the removals made", "new"],
      ["remove:4", "the last removal made, the journal not yet deleted", "new"],
    ] as const)("at %s (%s): the %s tree once the next command ran", (point, _what, outcome) => {
      const finished = outcome === "new";
      // WHEN the render is killed at that point
      const killed = ws.runWith({ env: { K8S_OPS_INTERRUPT_AT: point } }, "render");
      expect(killed.signal).toBe("SIGKILL");
      expect(ws.tree().has(JOURNAL)).toBe(finished);
      // AND the next command runs
      expect(ws.run("render", "--check").status).toBe(finished ? 0 : 1);
      // THEN the folder holds exactly the old tree (the write never decided) or the new one (finished from the journal)
      expect(ws.tree()).toEqual(finished ? newTree : oldTree);
      expect(existsSync(join(ws.clusterDir, STAGING))).toBe(false);
    });

    it.each(["replay:move:2", "replay:remove:2"])(
      "again during the recovery (%s): the next command still finishes the write",
      (point) => {
        // GIVEN a render killed after 2 moves
        expect(ws.runWith({ env: { K8S_OPS_INTERRUPT_AFTER: "2" } }, "render").signal).toBe("SIGKILL");
        // WHEN the command that recovers is killed in its turn
        const killed = ws.runWith({ env: { K8S_OPS_INTERRUPT_AT: point } }, "check", "--skip-kustomize");
        expect(killed.signal).toBe("SIGKILL");
        expect(ws.tree().has(JOURNAL)).toBe(true);
        // THEN the command after it finishes the write
        ws.run("graph");
        expect(ws.tree()).toEqual(newTree);
      },
    );
  });

  describe("then any command", () => {
    beforeEach(() => {
      ws.commitAll("old");
      expect(ws.runWith({ env: { K8S_OPS_INTERRUPT_AFTER: "2" } }, "render").signal).toBe("SIGKILL");
    });

    it.each([["render", "--check"], ["check", "--skip-kustomize"], ["diff"], ["changes"], ["graph"]])(
      "%s finishes the write before it reads anything",
      (...command) => {
        // WHEN
        const result = ws.run(...command);
        // THEN it read the new tree: no drift, and the folder holds it exactly
        expect(result.stdout).not.toContain("TREE_DRIFT");
        expect(result.stderr).not.toContain("k8s-ops failed");
        expect(ws.tree()).toEqual(newTree);
      },
    );

    it.each([["diff"], ["changes"], ["graph"]])(
      "%s refuses a journal that is not JSON, changing nothing",
      (command) => {
        // GIVEN the journal damaged
        ws.write(`clusters/demo/${JOURNAL}`, "{ half");
        const before = ws.tree();
        // WHEN
        const result = ws.run(command);
        // THEN
        const trailer = command === "graph" ? "nothing to draw." : "nothing was compared.";
        expect(result.stderr).toBe(
          [
            "error FILE_EDITED clusters/demo/.k8s-ops/journal.json: the journal of an interrupted write is not valid JSON",
            "  expected: the JSON k8s-ops wrote",
            "  found:    Expected property name or '}' in JSON at position 2 (line 1 column 3)",
            `1 problem found; ${trailer}`,
            "",
          ].join("\n"),
        );
        expect(result.status).toBe(1);
        expect(ws.tree()).toEqual(before);
      },
    );
  });

  describe("stopped by a signal it can catch", () => {
    it.each([
      ["SIGINT", "move:1", 130],
      ["SIGTERM", "remove:1", 143],
      ["SIGHUP", "stage:1", 129],
      ["SIGINT", "journal.tmp", 130],
    ] as const)("%s at %s: the write is finished first, then it exits %i", async (signal, point, code) => {
      // GIVEN a render paused at that point of its write
      const running = ws.start({ env: { K8S_OPS_PAUSE_AT: point } }, "render");
      await running.until(`paused at ${point}`);
      // WHEN the signal arrives from outside
      running.kill(signal);
      const result = await running.result;
      // THEN the write went on to its end, and the command ended with the signal's exit code
      expect(result.stderr).toBe(
        `paused at ${point} until a signal arrives\ninterrupted by ${signal}: the write under way was finished first\n`,
      );
      expect([result.status, result.signal]).toEqual([code, null]);
      expect(result.stdout).toMatch(/^demo .* \(\+0 ~3 -4\) in \d+ ms → clusters\/demo\n$/);
      expect(ws.tree()).toEqual(newTree);
    });

    it("SIGTERM during the recovery: the journal is finished first, then it exits 143", async () => {
      // GIVEN a render killed after 1 move, and the next command paused in its recovery
      expect(ws.runWith({ env: { K8S_OPS_INTERRUPT_AFTER: "1" } }, "render").signal).toBe("SIGKILL");
      const running = ws.start({ env: { K8S_OPS_PAUSE_AT: "replay:move:3" } }, "graph");
      await running.until("paused at replay:move:3");
      // WHEN
      running.kill("SIGTERM");
      const result = await running.result;
      // THEN
      expect([result.status, result.signal]).toEqual([143, null]);
      expect(result.stderr).toBe(
        "paused at replay:move:3 until a signal arrives\ninterrupted by SIGTERM: the write under way was finished first\n",
      );
      expect(ws.tree()).toEqual(newTree);
    });
  });
});

/** demoCluster as a second cluster, `other`, with an id, ranges and a node of its own. */
const otherCluster = (replicas: number) =>
  demoCluster(replicas).replace(
    'testSettings({ name: "demo" })',
    'testSettings({ name: "other", id: 10, network: { nodeCidr: "192.168.0.0/24", podCidr: "10.110.0.0/16", serviceCidr: "10.111.0.0/16", loadBalancerCidr: "192.168.0.160/27" }, nodes: [{ name: "other-1", address: "192.168.0.12" }] })',
  );

describe("a render of two clusters stopped by a signal", () => {
  it("finishes the write under way, starts no other, and names the cluster it left as it was", async () => {
    // GIVEN two rendered clusters, both changed in their source
    const ws = workspaceWith(demoCluster(1));
    onTestFinished(() => ws.remove());
    ws.write(`clusters/other/${SECRET_PATH}`, ENCRYPTED_SECRET);
    ws.writeCluster(otherCluster(1), "other");
    expect(ws.run("render").stderr).toBe("");
    const other = ws.tree("other");
    ws.writeCluster(demoCluster(2));
    ws.writeCluster(otherCluster(2), "other");
    // WHEN SIGINT arrives while the first cluster's write is under way
    const running = ws.start({ env: { K8S_OPS_PAUSE_AT: "journal" } }, "render");
    await running.until("paused at journal");
    running.kill("SIGINT");
    const result = await running.result;
    // THEN demo holds its new tree, other its old one, and the command says so
    expect(result.stderr).toBe(
      "paused at journal until a signal arrives\ninterrupted by SIGINT: the write under way was finished first; not written: clusters/other\n",
    );
    expect([result.status, result.signal]).toEqual([130, null]);
    expect(ws.tree("other")).toEqual(other);
    expect(ws.run("render", "--check", "--cluster", "demo").status).toBe(0);
    expect(ws.run("render", "--check", "--cluster", "other").status).toBe(1);
  });
});
