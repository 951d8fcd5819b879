import { describe, expect, it, vi } from "vitest";

type Infrastructure = typeof import("@k8s-ops/infrastructure");

/** The pool of the apps cluster's `ceph-block` StorageClass, from a fresh load of its inventory. */
async function appsBlockPool(): Promise<unknown> {
  const { cluster } = await import("./cluster.ts");
  const classes = cluster.components.flatMap((c) => c.apps.flatMap((app) => app.objects));
  const block = classes.find((o) => o.kind === "StorageClass" && o.metadata?.name === "ceph-block");
  return (block as { parameters?: Record<string, unknown> } | undefined)?.parameters?.pool;
}

describe("the apps cluster's Ceph", () => {
  it("provisions from the block pool of the Ceph cluster infra deploys, renamed or not", async () => {
    // GIVEN infra's inventory as it is WHEN the apps cluster is loaded THEN ceph-block uses infra's pool
    expect(await appsBlockPool()).toBe("ceph-blockpool");
    // GIVEN infra's block pool renamed in infra's Rook options only (the apps cluster's inventory untouched)
    vi.resetModules();
    vi.doMock("@k8s-ops/infrastructure", async (importOriginal) => {
      const original = await importOriginal<Infrastructure>();
      return { ...original, INFRA_ROOK: { ...original.INFRA_ROOK, blockPool: "ceph-blockpool-v2" } };
    });
    // WHEN the apps cluster is loaded again THEN its StorageClass follows the rename
    expect(await appsBlockPool()).toBe("ceph-blockpool-v2");
    vi.doUnmock("@k8s-ops/infrastructure");
  });
});
