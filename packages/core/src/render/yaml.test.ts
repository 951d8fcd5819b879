import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appRef, defineApp } from "../app.js";
import { helmApp } from "../helm.js";
import { CHART, render } from "../test-fixtures.js";
import { GENERATED_HEADER, orderKeys, schemaUrl, toYaml } from "./yaml.js";

describe("orderKeys", () => {
  it("puts apiVersion, kind, metadata, spec first, metadata's name/namespace/labels/annotations first, sorts the rest", () => {
    // GIVEN an object built in no particular order, with an undefined field
    const value = {
      zeta: 1,
      spec: { replicas: 1, affinity: { b: 1, a: 2 } },
      metadata: {
        uid: "u",
        annotations: { b: "2", a: "1" },
        labels: {},
        namespace: "ns",
        name: "x",
        finalizers: [],
      },
      kind: "Thing",
      alpha: undefined,
      apiVersion: "example.com/v1",
      beta: 2,
    };
    // WHEN
    const ordered = orderKeys(value) as Record<string, Record<string, unknown>>;
    // THEN
    expect(Object.keys(ordered)).toEqual(["apiVersion", "kind", "metadata", "spec", "beta", "zeta"]);
    expect(Object.keys(ordered.metadata ?? {})).toEqual([
      "name",
      "namespace",
      "labels",
      "annotations",
      "finalizers",
      "uid",
    ]);
    expect(Object.keys(ordered.metadata?.annotations as object)).toEqual(["a", "b"]);
    expect(Object.keys(ordered.spec ?? {})).toEqual(["affinity", "replicas"]);
    expect(Object.keys(ordered.spec?.affinity as object)).toEqual(["a", "b"]);
  });

  it("keeps array order and orders the objects inside arrays alphabetically", () => {
    // GIVEN a list of objects / WHEN ordered / THEN the list keeps its order, each object's keys are sorted
    const ordered = orderKeys({ list: [{ name: "b", kind: "K" }, { name: "a" }] });
    expect(JSON.stringify(ordered)).toBe('{"list":[{"kind":"K","name":"b"},{"name":"a"}]}');
  });

  it("sorts by code unit, not by locale", () => {
    // GIVEN keys a locale-aware sort orders differently (capitals, underscore, digits)
    const ordered = orderKeys({ b: 1, _x: 1, B: 1, a: 1, "1": 1, A: 1 }) as object;
    // WHEN / THEN (integer-like keys always come first in a JS object)
    expect(Object.keys(ordered)).toEqual(["1", "A", "B", "_x", "a", "b"]);
  });
});

describe("toYaml", () => {
  it("quotes strings YAML 1.1 parsers would read as booleans, numbers, null or dates", () => {
    // GIVEN strings that look like other types to one YAML version or another
    const strings = [
      "yes",
      "no",
      "on",
      "off",
      "y",
      "n",
      "True",
      "0777",
      "1e3",
      "0x1F",
      "1_000",
      "12:30",
      "~",
      "null",
      "2024-01-01",
    ];
    // WHEN
    const yaml = toYaml({ values: strings });
    // THEN every one of them is quoted
    expect(yaml).toBe(`values:\n${strings.map((s) => `  - "${s}"\n`).join("")}`);
  });

  it("leaves plain strings, numbers and booleans unquoted", () => {
    // GIVEN values YAML reads back as they are / WHEN written / THEN no quotes, keys sorted
    expect(toYaml({ name: "podinfo", replicas: 2, enabled: true, ratio: 0.5 })).toBe(
      "enabled: true\nname: podinfo\nratio: 0.5\nreplicas: 2\n",
    );
  });

  it("never folds long lines and never writes anchors for repeated objects", () => {
    // GIVEN a long string and the same object used twice
    const shared = { a: 1 };
    const long = "x ".repeat(100).trim();
    // WHEN
    const yaml = toYaml({ first: shared, second: shared, text: long });
    // THEN
    expect(yaml).toBe(`first:\n  a: 1\nsecond:\n  a: 1\ntext: ${long}\n`);
  });
});

describe("schemaUrl", () => {
  it("points CRD kinds at the community catalogue, and Kubernetes' own kinds nowhere", () => {
    // GIVEN kinds of Kubernetes, of CRDs, and of CRDs whose group ends in k8s.io
    const urls = [
      ["v1", "ConfigMap"],
      ["networking.k8s.io/v1", "NetworkPolicy"],
      ["helm.toolkit.fluxcd.io/v2", "HelmRelease"],
      ["gateway.networking.k8s.io/v1", "HTTPRoute"],
      ["snapshot.storage.k8s.io/v1", "VolumeSnapshotClass"],
      ["externaldns.k8s.io/v1alpha1", "DNSEndpoint"],
    ].map(([apiVersion, kind]) => schemaUrl(apiVersion as string, kind as string));
    // THEN only the CRD kinds get a schema
    expect(urls).toEqual([
      undefined,
      undefined,
      "https://k8s-schemas.home-operations.com/helm.toolkit.fluxcd.io/helmrelease_v2.json",
      "https://k8s-schemas.home-operations.com/gateway.networking.k8s.io/httproute_v1.json",
      "https://k8s-schemas.home-operations.com/snapshot.storage.k8s.io/volumesnapshotclass_v1.json",
      "https://k8s-schemas.home-operations.com/externaldns.k8s.io/dnsendpoint_v1alpha1.json",
    ]);
  });
});

describe("deterministic rendering", () => {
  function apps(values: Record<string, unknown>, settings: ConfigMap) {
    const podinfo = helmApp({ name: "podinfo", namespace: "apps", layer: "apps", chart: CHART, values });
    const config = defineApp({
      name: "podinfo-config",
      namespace: "apps",
      layer: "apps",
      folder: "podinfo",
      dir: "config",
      objects: [settings],
      uses: [appRef(podinfo)],
    });
    return [config, podinfo];
  }

  it("renders the same cluster to the same bytes twice", () => {
    // GIVEN one cluster definition
    const definition = apps({ replicas: 2 }, new ConfigMap({ metadata: { name: "s" }, data: { a: "1" } }));
    // WHEN it is rendered twice
    const first = render(definition);
    const second = render(definition);
    // THEN every file is byte-identical, and in the same order
    expect([...second.files]).toEqual([...first.files]);
  });

  it("renders objects built with keys in a different order to the same bytes", () => {
    // GIVEN the same values and ConfigMap, their keys written in opposite orders
    const one = apps(
      { service: { type: "ClusterIP", port: 80 }, replicas: 2 },
      new ConfigMap({ metadata: { name: "s", labels: { b: "2", a: "1" } }, data: { b: "2", a: "1" } }),
    );
    const two = apps(
      { replicas: 2, service: { port: 80, type: "ClusterIP" } },
      new ConfigMap({ data: { a: "1", b: "2" }, metadata: { labels: { a: "1", b: "2" }, name: "s" } }),
    );
    // WHEN / THEN
    expect(Object.fromEntries(render(two).files)).toEqual(Object.fromEntries(render(one).files));
    expect([...render(two).files.values()].join()).toBe([...render(one).files.values()].join());
  });

  it("starts every file with the generated-file header", () => {
    // GIVEN a rendered cluster / WHEN each file is read / THEN its first line is the header
    const rendered = render(apps({}, new ConfigMap({ metadata: { name: "s" } })));
    for (const content of rendered.files.values()) expect(content.split("\n")[0]).toBe(GENERATED_HEADER);
  });

  describe("in a locale that collates differently", () => {
    afterEach(() => vi.restoreAllMocks());

    it("renders the same bytes", () => {
      // GIVEN stages and objects whose names a Danish collation orders differently (aa after z)
      const definition = () => [
        defineApp({ name: "zz", namespace: "apps", layer: "apps", folder: "f", objects: [] }),
        defineApp({
          name: "aa",
          namespace: "apps",
          layer: "apps",
          folder: "f",
          dir: "aa",
          objects: [new ConfigMap({ metadata: { name: "zz" } }), new ConfigMap({ metadata: { name: "aa" } })],
        }),
      ];
      const expected = render(definition());
      // WHEN the same cluster renders in a process whose locale is Danish
      const danish = new Intl.Collator("da");
      vi.spyOn(String.prototype, "localeCompare").mockImplementation(function (this: string, other: string) {
        return danish.compare(this, other);
      });
      const rendered = render(definition());
      // THEN the bytes are the same: stage aa before zz, ConfigMap aa before zz
      expect(Object.fromEntries(rendered.files)).toEqual(Object.fromEntries(expected.files));
      expect(rendered.files.get("apps/apps/f/ks.yaml")?.indexOf("name: aa")).toBeLessThan(
        rendered.files.get("apps/apps/f/ks.yaml")?.indexOf("name: zz") ?? -1,
      );
      expect(rendered.files.get("apps/apps/f/aa/configmap.yaml")).toMatch(/name: aa[\s\S]*name: zz/);
    });
  });
});
