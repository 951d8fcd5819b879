import { fileURLToPath } from "node:url";
import { componentYaml } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { SPEGEL_CHART, SPEGEL_MIRRORED_REGISTRIES, spegel } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("spegel", () => {
  it("renders the README example", async () => {
    // GIVEN the README example
    // README:start
    const mirror = spegel();
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(mirror);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/spegel.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("installs the chart in kube-system as a controller, pinned to its version", () => {
    // GIVEN the default component WHEN built
    const app = appOf(spegel(), "spegel");
    // THEN one app in kube-system pulls the OCI chart at the pinned tag
    expect(app.namespace).toBe("kube-system");
    expect(app.layer).toBe("controllers");
    const source = objectsOf(app, "OCIRepository")[0];
    expect(source).toMatchObject({ spec: { ref: { tag: "0.7.4" }, url: SPEGEL_CHART.url } });
  });

  it("writes mirrors where Talos' containerd reads them and mirrors the platform's registries", () => {
    // GIVEN the default component WHEN built
    const mirror = spegel();
    // THEN the values point at Talos' CRI hosts folder and list every platform registry
    expect(helmValues(appOf(mirror, "spegel"))).toEqual({
      serviceMonitor: { enabled: false },
      spegel: {
        containerdRegistryConfigPath: "/etc/cri/conf.d/hosts",
        containerdSock: "/run/containerd/containerd.sock",
        mirroredRegistries: [...SPEGEL_MIRRORED_REGISTRIES],
      },
    });
    expect(mirror.mirroredRegistries).toContain("https://registry.k8s.io");
  });
});

describe("spegel options", () => {
  it("namespace: moves the release", () => {
    // GIVEN another namespace WHEN built THEN the app goes there
    expect(spegel({ namespace: "spegel" }).apps[0]?.namespace).toBe("spegel");
  });

  it("mirroredRegistries: mirrors exactly the registries given", () => {
    // GIVEN two registries WHEN built THEN the values and the export list only those
    const mirror = spegel({ mirroredRegistries: ["https://ghcr.io", "https://harbor.example.com:8443"] });
    expect(helmValues(appOf(mirror, "spegel"))).toMatchObject({
      spegel: { mirroredRegistries: ["https://ghcr.io", "https://harbor.example.com:8443"] },
    });
    expect(mirror.mirroredRegistries).toEqual(["https://ghcr.io", "https://harbor.example.com:8443"]);
  });

  it("containerdRegistryConfigPath: writes mirrors to another containerd folder", () => {
    // GIVEN a stock containerd path WHEN built THEN Spegel writes there
    const mirror = spegel({ containerdRegistryConfigPath: "/etc/containerd/certs.d" });
    expect(helmValues(appOf(mirror, "spegel"))).toMatchObject({
      spegel: { containerdRegistryConfigPath: "/etc/containerd/certs.d" },
    });
  });

  it("serviceMonitor: creates the ServiceMonitor", () => {
    // GIVEN metrics scraping WHEN built THEN the chart renders its ServiceMonitor
    expect(helmValues(appOf(spegel({ serviceMonitor: true }), "spegel"))).toMatchObject({
      serviceMonitor: { enabled: true },
    });
  });
});

describe("spegel option errors", () => {
  it("rejects an empty registry list", () => {
    // GIVEN no registries WHEN built THEN it throws naming the option
    expect(() => spegel({ mirroredRegistries: [] })).toThrow(
      [
        "OPTION spegel: mirroredRegistries: Spegel needs at least one registry to mirror",
        "  expected: a non-empty list of https://host entries",
        "  found:    []",
      ].join("\n"),
    );
  });

  it("rejects a registry given as a bare host or with a path", () => {
    // GIVEN a host without scheme WHEN built THEN it throws with the offending entry
    expect(() => spegel({ mirroredRegistries: ["docker.io"] })).toThrow(
      [
        "OPTION spegel: mirroredRegistries: a mirrored registry is not a registry URL",
        "  expected: https://host or https://host:port, without a path",
        "  found:    docker.io",
      ].join("\n"),
    );
    expect(() => spegel({ mirroredRegistries: ["https://ghcr.io/spegel-org"] })).toThrow(
      "found:    https://ghcr.io/spegel-org",
    );
  });

  it("rejects a registry listed twice", () => {
    // GIVEN a duplicate WHEN built THEN it throws with the duplicate
    expect(() => spegel({ mirroredRegistries: ["https://ghcr.io", "https://ghcr.io"] })).toThrow(
      [
        "OPTION spegel: mirroredRegistries: a registry is listed twice",
        "  expected: each registry once",
        "  found:    https://ghcr.io",
      ].join("\n"),
    );
  });

  it("rejects a relative containerd path", () => {
    // GIVEN a relative path WHEN built THEN it throws
    expect(() => spegel({ containerdRegistryConfigPath: "etc/cri/conf.d/hosts" })).toThrow(
      [
        "OPTION spegel: containerdRegistryConfigPath: the containerd registry configuration path must be absolute",
        "  expected: an absolute node path such as /etc/cri/conf.d/hosts",
        "  found:    etc/cri/conf.d/hosts",
      ].join("\n"),
    );
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    // @ts-expect-error mirroredRegistries is a list of strings
    expect(() => spegel({ mirroredRegistries: "https://ghcr.io" })).toThrow();
    // @ts-expect-error serviceMonitor is a boolean
    spegel({ serviceMonitor: "yes" });
    // @ts-expect-error unknown options are refused
    spegel({ registries: [] });
  });
});
