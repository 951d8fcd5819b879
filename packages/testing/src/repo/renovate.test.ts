import { describe, expect, it } from "vitest";
import { globToRegExp, parseJson5, readRepoFile, repoFiles, yaml } from "./repo-files.js";

interface RegexManager {
  readonly customType: string;
  readonly managerFilePatterns: readonly string[];
  readonly matchStrings: readonly string[];
  readonly datasourceTemplate?: string;
}
interface RenovateConfig {
  readonly ignorePaths: readonly string[];
  readonly customManagers: readonly RegexManager[];
  readonly packageRules: readonly { matchDepNames?: readonly string[]; groupName?: string }[];
}
interface Dep {
  readonly file: string;
  readonly depName: string;
  readonly currentValue: string;
  readonly currentDigest?: string;
  readonly datasource: string;
}

const config = parseJson5(readRepoFile("renovate.json5")) as RenovateConfig;

/** Versions the sources derive from another annotated version instead of carrying their own annotation. */
const DERIVED: Record<string, string> = {
  // FLUX_INSTANCE_CHART.tag = FLUX_OPERATOR_CHART.tag
  "ghcr.io/controlplaneio-fluxcd/charts/flux-instance": "ghcr.io/controlplaneio-fluxcd/charts/flux-operator",
  // ARC_VERSION, annotated for the controller chart, is the scale set chart's version too
  "ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set":
    "ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller",
  // the upgrade Plans run talosctl at the cluster's talosVersion
  "ghcr.io/siderolabs/talosctl": "ghcr.io/siderolabs/installer",
};

/** Renovate's regex manager, re-done: each matchString applied globally to each file the patterns select. */
function extract(): Dep[] {
  const ignored = config.ignorePaths.map(globToRegExp);
  const files = repoFiles();
  const deps: Dep[] = [];
  for (const manager of config.customManagers) {
    const patterns = manager.managerFilePatterns.map(globToRegExp);
    const selected = files.filter((f) => patterns.some((p) => p.test(f)) && !ignored.some((p) => p.test(f)));
    for (const file of selected) {
      const text = readRepoFile(file);
      for (const source of manager.matchStrings) {
        for (const m of text.matchAll(new RegExp(source, "g"))) {
          const g = m.groups ?? {};
          const datasource = g.datasource ?? manager.datasourceTemplate ?? "";
          const dep = { file, depName: g.depName ?? "", currentValue: g.currentValue ?? "", datasource };
          deps.push(g.currentDigest === undefined ? dep : { ...dep, currentDigest: g.currentDigest });
        }
      }
    }
  }
  return deps;
}

/** Every chart (OCIRepository url + tag, HelmChart chart + version) and image (repository + tag) the rendered app trees pin. */
function renderedPins(): { file: string; name: string; tag: string }[] {
  const pins: { file: string; name: string; tag: string }[] = [];
  const visit = (file: string, node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(file, item);
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.repository === "string" && typeof o.tag === "string") {
      pins.push({ file, name: o.repository, tag: o.tag });
    }
    if (typeof o.image === "string" && /^[^\s$@]+:[^\s/]+$/.test(o.image)) {
      const at = o.image.lastIndexOf(":");
      pins.push({ file, name: o.image.slice(0, at), tag: o.image.slice(at + 1) });
    }
    for (const value of Object.values(o)) visit(file, value);
  };
  const rendered = repoFiles().filter((f) => /^clusters\/[^/]+\/apps\/.+\.ya?ml$/.test(f));
  for (const file of rendered) {
    for (const doc of yaml.parseAllDocuments(readRepoFile(file))) {
      const object = doc.toJS() as {
        kind?: string;
        spec?: { url?: string; ref?: { tag?: string }; chart?: string; version?: string };
      } | null;
      const url = object?.spec?.url;
      const tag = object?.spec?.ref?.tag;
      const { chart, version } = object?.spec ?? {};
      if (object?.kind === "OCIRepository" && url !== undefined && tag !== undefined) {
        pins.push({ file, name: url.replace(/^oci:\/\//, ""), tag });
      } else if (object?.kind === "HelmChart" && chart !== undefined && version !== undefined) {
        pins.push({ file, name: chart, tag: version });
      } else visit(file, object);
    }
  }
  return pins;
}

describe("renovate.json5", () => {
  it("parses as JSON5 and has the managers, groups and ignored trees the repository relies on", () => {
    // GIVEN the configuration file  WHEN read  THEN its shape is what Renovate expects
    expect(config.customManagers.length).toBeGreaterThan(0);
    for (const m of config.customManagers) {
      expect(m.customType).toBe("regex");
      expect(m.managerFilePatterns).toContain("**/src/**/*.ts");
      for (const s of m.matchStrings) expect(() => new RegExp(s)).not.toThrow();
    }
    const groups = config.packageRules.map((r) => r.groupName);
    expect(groups).toEqual(
      expect.arrayContaining(["flux-operator", "rook-ceph", "actions-runner-controller", "cilium", "talos"]),
    );
    for (const tree of ["apps", "flux", "components", "talos", "bootstrap"]) {
      expect(config.ignorePaths).toContain(`clusters/*/${tree}/**`);
    }
  });

  it("finds every annotation written in the sources", () => {
    // GIVEN every `// renovate:` comment in a selected source file
    const deps = extract();
    const annotated = repoFiles().filter(
      (f) => /(^|\/)src\/.+\.ts$/.test(f) && !/\.test\.ts$|\/dist\//.test(f),
    );
    const comments = annotated.flatMap((f) =>
      (readRepoFile(f).match(/^\s*\/\/ renovate: .*$/gm) ?? []).map((line) => `${f}: ${line.trim()}`),
    );
    // THEN each one yields a dependency (an annotation the regex cannot read would never be updated)
    expect(deps.filter((d) => d.datasource !== "").length).toBe(comments.length);
    for (const d of deps) {
      expect(d.depName, d.file).not.toBe("");
      expect(d.currentValue, d.file).not.toBe("");
    }
  });

  it("extracts every chart version and image tag the rendered trees pin, from the sources", () => {
    // GIVEN the dependencies Renovate would extract from the sources
    const deps = extract();
    // (a pin with a digest must match the tag and the digest the sources carry)
    const pinned = (d: Dep) => d.currentValue + (d.currentDigest === undefined ? "" : `@${d.currentDigest}`);
    const known = new Set(deps.map((d) => `${d.depName}:${pinned(d)}`));
    const versionOf = new Map(deps.map((d) => [d.depName, d.currentValue]));
    // WHEN every pinned chart and image of the rendered trees is looked up
    const pins = renderedPins();
    expect(pins.length).toBeGreaterThan(20);
    const missing = pins.filter((p) => {
      const source = DERIVED[p.name];
      if (source !== undefined) return versionOf.get(source) !== p.tag;
      return !known.has(`${p.name}:${p.tag}`);
    });
    // THEN none is missing: a version Renovate cannot see would silently stay behind
    expect(missing.map((p) => `${p.file}: ${p.name}:${p.tag}`)).toEqual([]);
  });

  it("groups the talos installer with talosctl and flux-instance with flux-operator", () => {
    // GIVEN the derived versions  THEN each shares a group with the version it is derived from
    for (const [derived, source] of Object.entries(DERIVED)) {
      const rule = config.packageRules.find((r) => r.matchDepNames?.includes(source));
      expect(rule?.matchDepNames).toContain(derived);
    }
  });
});
