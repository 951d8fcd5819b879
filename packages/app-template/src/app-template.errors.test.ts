import { reference, renderComponents, type StorageClassRef } from "@k8s-ops/core";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type AppTemplateOptions, appTemplate } from "./index.js";
import { base, block, external, platform, settings, store } from "./test-support.js";

const message = optionMessage("appTemplate(echo)");

describe("appTemplate errors", () => {
  it("rejects an image without a digest", () => {
    const image = { repository: "ghcr.io/example/echo", tag: "1.0.0" } as AppTemplateOptions["image"];
    expect(() => appTemplate({ ...base, image })).toThrow(
      message(
        "image.digest",
        "the image is not pinned by digest",
        "sha256: and 64 hex digits, as the registry reports it",
        "null",
      ),
    );
  });

  it("rejects a latest tag", () => {
    expect(() => appTemplate({ ...base, image: { ...base.image, tag: "latest" } })).toThrow(
      message("image.tag", "the image needs a version tag", "a tag such as 1.2.3 (not latest)", '"latest"'),
    );
  });

  it("rejects a route without a gateway", () => {
    const route = { hostname: "echo.example.com" } as AppTemplateOptions["route"];
    expect(() => appTemplate({ ...base, route })).toThrow(
      message(
        "route.gateway",
        "a route needs a gateway",
        "a GatewayRef from envoyGateway(…).gateways",
        "undefined",
      ),
    );
  });

  it("rejects a Gatus check without a route", () => {
    expect(() => appTemplate({ ...base, addons: { gatus: true } })).toThrow(
      message("addons.gatus", "a Gatus check needs a route to check", "a route option", "no route"),
    );
  });

  it("rejects a backup of a volume that is not a claim", () => {
    const persistence = { tmp: { emptyDir: true as const, mountPath: "/tmp" } };
    const backup = {
      volume: "tmp",
      snapshotClass: reference("VolumeSnapshotClass", base, "x"),
      repository: { store, item: "v" },
    };
    expect(() => appTemplate({ ...base, persistence, addons: { backup } })).toThrow(
      message("addons.backup.volume", "not a pvc volume of the app", "one of: (no pvc volumes)", '"tmp"'),
    );
  });

  it("reports a claim on a storage class no app of the cluster provides", () => {
    // GIVEN a storage class whose provider is not in the cluster
    const unknown: StorageClassRef = reference(
      "StorageClass",
      { name: "nfs-csi", namespace: "storage" },
      "nfs",
    );
    const app = appTemplate({
      ...base,
      persistence: { data: { pvc: { storageClass: unknown, size: "1Gi" }, mountPath: "/data" } },
    });
    // WHEN rendered THEN the reference is unresolved
    const findings = renderComponents([...platform, app], settings).findings;
    expect(findings.map((f) => `${f.code}: ${f.message}`)).toEqual([
      "REF_UNRESOLVED: uses StorageClass nfs, which no app of this cluster provides here",
    ]);
  });

  it("rejects bad option types at compile time", () => {
    // GIVEN option literals the types must reject; THEN tsc reports each (the function never runs)
    const typeChecks = () => {
      // @ts-expect-error the digest is required
      appTemplate({ ...base, image: { repository: "r", tag: "1" } });
      // @ts-expect-error a route needs a gateway
      appTemplate({ ...base, route: { hostname: "a.example.com" } });
      // @ts-expect-error the gateway is a GatewayRef, not a name
      appTemplate({ ...base, route: { gateway: "envoy-external", hostname: "a.example.com" } });
      const named = { storageClass: "ceph-block", size: "1Gi" };
      // @ts-expect-error a storage class is a reference, not a name
      appTemplate({ ...base, persistence: { d: { pvc: named, mountPath: "/d" } } });
      // @ts-expect-error a volume has one source
      appTemplate({ ...base, persistence: { d: { emptyDir: false, mountPath: "/d" } } });
      // @ts-expect-error unknown option
      appTemplate({ ...base, replicas: 2 });
      const database = { storageClass: "ceph-block", credentials: { store, item: "db" } };
      // @ts-expect-error a database's storage class is a reference
      appTemplate({ ...base, addons: { database } });
    };
    expect(typeChecks).toBeTypeOf("function");
    expect([block.type, external.type]).toEqual(["StorageClass", "Gateway"]);
  });
});
