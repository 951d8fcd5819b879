import { describe, expect, it } from "vitest";
import { CephBlockPool } from "../src/generated/ceph.rook.io/v1/index.js";
import { ReplicationSource } from "../src/handwritten/volsync.backube/v1alpha1/index.js";

describe("README usage", () => {
  it("runs the example", () => {
    // GIVEN the README's pool and backup
    const pool = new CephBlockPool({
      metadata: { name: "ceph-blockpool", namespace: "rook-ceph" },
      spec: { failureDomain: "host", replicated: { size: 3 } },
    });
    const backup = new ReplicationSource({
      metadata: { name: "gatus", namespace: "observability" },
      spec: {
        sourcePVC: "gatus",
        trigger: { schedule: "0 * * * *" },
        restic: {
          repository: "gatus-volsync",
          copyMethod: "Snapshot",
          pruneIntervalDays: 14,
          retain: { daily: 7 },
        },
      },
    });
    // THEN both validate, and the pool without a size fails with the message the README shows
    expect(() => pool.validate()).not.toThrow();
    expect(() => backup.validate()).not.toThrow();
    // @ts-expect-error size is required
    pool.spec.replicated = {};
    expect(() => pool.validate()).toThrow("data/spec/replicated must have required property size");
  });
});
