import { fileURLToPath } from "node:url";
import { componentYaml, POD_MONITOR } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { RELOADER_AUTO_ANNOTATION, reloader } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("reloader", () => {
  it("renders the README example", async () => {
    // GIVEN the README example
    // README:start
    const reload = reloader();
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(reload);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/reloader.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("runs one hardened replica from the pinned OCI chart", () => {
    // GIVEN the default component WHEN built
    const app = appOf(reloader(), "reloader");
    // THEN the chart is pinned and Reloader runs read-only, without HA or PodMonitor
    expect(app.namespace).toBe("kube-system");
    expect(app.layer).toBe("controllers");
    expect(objectsOf(app, "OCIRepository")[0]).toMatchObject({
      spec: { ref: { tag: "2.2.16" }, url: "oci://ghcr.io/stakater/charts/reloader" },
    });
    expect(helmValues(app)).toEqual({
      fullnameOverride: "reloader",
      reloader: {
        deployment: { replicas: 1 },
        enableHA: false,
        podMonitor: { enabled: false },
        readOnlyRootFileSystem: true,
      },
    });
  });

  it("exports the opt-in annotation for workloads", () => {
    // GIVEN the component WHEN built THEN consumers get the annotation from it, not as a string of their own
    expect(reloader().autoAnnotation).toEqual({ "reloader.stakater.com/auto": "true" });
    expect(RELOADER_AUTO_ANNOTATION).toBe(reloader().autoAnnotation);
  });
});

describe("reloader options", () => {
  it("namespace: moves the release", () => {
    // GIVEN another namespace WHEN built THEN the app goes there
    expect(reloader({ namespace: "reloader" }).apps[0]?.namespace).toBe("reloader");
  });

  it("replicas: scales and turns on leader election", () => {
    // GIVEN two replicas WHEN built THEN both the replicas and enableHA follow
    expect(helmValues(appOf(reloader({ replicas: 2 }), "reloader"))).toMatchObject({
      reloader: { deployment: { replicas: 2 }, enableHA: true },
    });
  });

  it("podMonitor: renders the PodMonitor", () => {
    // GIVEN scraping WHEN built THEN the chart's PodMonitor is on
    expect(helmValues(appOf(reloader({ podMonitor: true }), "reloader"))).toMatchObject({
      reloader: { podMonitor: { enabled: true } },
    });
    // AND the app depends on whoever installs the PodMonitor CRD
    expect(appOf(reloader({ podMonitor: true }), "reloader").chartKinds).toEqual([POD_MONITOR]);
  });
});

describe("reloader option errors", () => {
  it("rejects fewer than one replica", () => {
    // GIVEN zero replicas WHEN built THEN it throws naming the option
    expect(() => reloader({ replicas: 0 })).toThrow(
      [
        "OPTION reloader: replicas: Reloader needs at least one replica",
        "  expected: an integer ≥ 1",
        "  found:    0",
      ].join("\n"),
    );
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    // @ts-expect-error podMonitor is a boolean
    reloader({ podMonitor: { enabled: true } });
    // @ts-expect-error replicas is a number
    expect(() => reloader({ replicas: "2" })).toThrow();
    // @ts-expect-error unknown options are refused
    reloader({ watchGlobally: false });
  });
});
