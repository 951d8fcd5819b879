import type { VolumeSnapshotClassRef } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { openebs } from "./index.js";

const message = (found: string) =>
  [
    "OPTION openebs: basePath: the hostpath base path must be an absolute, normalised node path",
    "  expected: a path such as /var/mnt/local-hostpath (no trailing slash, '.' or '..')",
    `  found:    ${found}`,
  ].join("\n");

describe("openebs option errors", () => {
  it("rejects a relative base path", () => {
    expect(() => openebs({ basePath: "var/mnt/local-hostpath" })).toThrow(
      message('"var/mnt/local-hostpath"'),
    );
  });

  it("rejects a trailing slash, '..' and an empty base path", () => {
    expect(() => openebs({ basePath: "/var/mnt/local-hostpath/" })).toThrow(
      message('"/var/mnt/local-hostpath/"'),
    );
    expect(() => openebs({ basePath: "/var/mnt/../etc" })).toThrow(message('"/var/mnt/../etc"'));
    expect(() => openebs({ basePath: "" })).toThrow(message('""'));
  });

  it("rejects a base path Talos cannot write", () => {
    expect(() => openebs({ basePath: "/mnt/local-hostpath" })).toThrow(
      [
        "OPTION openebs: basePath: Talos nodes can only write below /var",
        "  expected: a folder below /var, such as /var/mnt/local-hostpath",
        '  found:    "/mnt/local-hostpath"',
      ].join("\n"),
    );
    expect(() => openebs({ basePath: "/var" })).toThrow('found:    "/var"');
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the base path is required
    expect(() => openebs({})).toThrow();
    // @ts-expect-error reclaim policies are Delete or Retain
    openebs({ basePath: "/var/mnt/local-hostpath", reclaimPolicy: "Recycle" });
    // @ts-expect-error unknown options are refused
    openebs({ basePath: "/var/mnt/local-hostpath", mayastor: true });
    // @ts-expect-error the exported class is a StorageClass, not a VolumeSnapshotClass
    const snapshotClass: VolumeSnapshotClassRef = openebs({
      basePath: "/var/mnt/local-hostpath",
    }).storageClass;
    expect(snapshotClass.name).toBe("openebs-hostpath");
  });
});
