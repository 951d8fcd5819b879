import { fileURLToPath } from "node:url";
import { componentYaml } from "@k8s-ops/core";
import { objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type AppTemplateOptions, appTemplate } from "./index.js";
import {
  block,
  blockSnapshots,
  build,
  container,
  external,
  ks,
  platform,
  settings,
  store,
  TEST_DIGEST,
  values,
} from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("appTemplate", () => {
  it("renders the defaults: one hardened container, its Service, nothing else", async () => {
    // GIVEN only the required options WHEN rendered THEN it validates and matches the reviewed snapshot
    await expect(componentYaml(build(), settings, platform)).toMatchFileSnapshot(
      "__snapshots__/app-template.default.yaml",
    );
  });

  it("renders the README example: route, volume, backup, database, secrets and a check", async () => {
    // GIVEN the README example
    // README:start
    const app = appTemplate({
      name: "wiki",
      namespace: "default",
      image: { repository: "ghcr.io/example/wiki", tag: "2.4.0", digest: TEST_DIGEST },
      port: 3000,
      route: { gateway: external, hostname: "wiki.${SECRET_DOMAIN}" },
      persistence: { data: { pvc: { storageClass: block, size: "5Gi" }, mountPath: "/data" } },
      addons: {
        database: { storageClass: block, credentials: { store, item: "wiki-db" }, env: { DB_URL: "uri" } },
        backup: { volume: "data", snapshotClass: blockSnapshots, repository: { store, item: "volsync" } },
        secrets: [{ store, item: "wiki", env: true }],
        gatus: true,
      },
    });
    // README:end
    // WHEN rendered with what it references THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(app, settings, platform);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/app-template.example.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("pins the image by tag and digest and hardens the container by default", () => {
    // GIVEN the defaults WHEN built
    const v = values();
    // THEN the image is tag@digest, the container drops everything, and the pod runs as non-root
    expect(v.controllers.echo.containers.app.image).toEqual({
      repository: "ghcr.io/example/echo",
      tag: `1.0.0@${TEST_DIGEST}`,
    });
    expect(v.controllers.echo.containers.app.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
    });
    expect(v.defaultPodOptions.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(v.service.app).toMatchObject({ forceRename: "echo", ports: { http: { port: 8080 } } });
  });
});

describe("appTemplate options", () => {
  it("layer: moves the app in the bring-up order", () => {
    expect(build({ layer: "platform" }).app.layer).toBe("platform");
  });

  it("env: sets the container's environment", () => {
    expect(container({ env: { TZ: "UTC" } }).env).toEqual({ TZ: "UTC" });
  });

  it("probes: replace the default TCP probes", () => {
    const probes = { liveness: { enabled: false } };
    expect(container().probes).toMatchObject({ liveness: { spec: { tcpSocket: { port: 8080 } } } });
    expect(container({ probes }).probes).toEqual(probes);
  });

  it("resources: replace the default requests and limits", () => {
    const resources = { limits: { memory: "2Gi" } };
    expect(container({ resources }).resources).toEqual(resources);
  });

  it("securityContext: sets the user and can allow a writable root filesystem", () => {
    const v = values({ securityContext: { runAsUser: 101, readOnlyRootFilesystem: false } });
    expect(v.defaultPodOptions.securityContext).toMatchObject({
      runAsUser: 101,
      runAsGroup: 101,
      fsGroup: 101,
    });
    expect(v.controllers.echo.containers.app.securityContext).toMatchObject({
      readOnlyRootFilesystem: false,
    });
  });

  it("route: adds an HTTPRoute to the Service and depends on the gateway's app", () => {
    const options = { route: { gateway: external, hostname: "echo.example.com" } };
    const [route] = objectsOf(build(options).app, "HTTPRoute");
    expect(route).toMatchObject({
      spec: {
        hostnames: ["echo.example.com"],
        parentRefs: [{ name: "envoy-external", namespace: "network" }],
        rules: [{ backendRefs: [{ name: "echo", port: 8080 }] }],
      },
    });
    expect(ks(options)).toContain("    - name: envoy-gateways\n      namespace: network\n");
  });

  it("persistence: mounts a claim, an NFS export or scratch space", () => {
    const options: Partial<AppTemplateOptions> = {
      persistence: {
        data: { pvc: { storageClass: block, size: "1Gi" }, mountPath: "/data" },
        media: { nfs: { server: "nas.lan", path: "/media" }, mountPath: "/media" },
        tmp: { emptyDir: true, mountPath: "/tmp" },
      },
    };
    expect(values(options).persistence).toEqual({
      data: { existingClaim: "echo-data", globalMounts: [{ path: "/data" }] },
      media: { type: "nfs", server: "nas.lan", path: "/media", globalMounts: [{ path: "/media" }] },
      tmp: { type: "emptyDir", globalMounts: [{ path: "/tmp" }] },
    });
    expect(values(options).controllers.echo.strategy).toBe("Recreate");
    expect(objectsOf(build(options).app, "PersistentVolumeClaim")).toMatchObject([
      { metadata: { name: "echo-data" }, spec: { storageClassName: "ceph-block" } },
    ]);
    expect(ks(options)).toContain("    - name: rook-ceph\n      namespace: rook-ceph\n");
  });
});
