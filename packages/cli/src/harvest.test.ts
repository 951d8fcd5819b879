import { appRef, defineCluster, reference, testSettings } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { componentReferences } from "./harvest.js";

describe("componentReferences", () => {
  it("finds the references a component value holds beside its apps, however deep", () => {
    // GIVEN a storage component exporting a class, and one holding an endpoint of another cluster
    const ceph = reference("StorageClass", { name: "rook", namespace: "rook-ceph" }, "ceph-block");
    const remote = {
      ...reference("Service", { name: "vm", namespace: "observability" }, "vminsert", "observability"),
      provider: { name: "vm", namespace: "observability", cluster: "infra" },
    };
    const cluster = defineCluster({
      settings: testSettings(),
      components: [
        { name: "storage", apps: [], storageClasses: { block: ceph } } as never,
        {
          name: "agent",
          apps: [],
          remote: [remote],
          self: appRef({ name: "agent", namespace: "observability" }),
        } as never,
      ],
    });
    // WHEN / THEN
    expect(componentReferences(cluster)).toEqual([
      ceph,
      remote,
      appRef({ name: "agent", namespace: "observability" }),
    ]);
  });
});
