import { fileURLToPath } from "node:url";
import { componentYaml, defineApp, renderComponents } from "@k8s-ops/core";
import { objectsOf, optionMessage, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type DragonflyOptions, dragonfly } from "./index.js";
import { base, hostpath, operator, providers } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const message = optionMessage("dragonfly(cache)");
const build = (options: Partial<DragonflyOptions>) => dragonfly({ ...base, ...options });
const spec = (options: Partial<DragonflyOptions>) =>
  objectsOf(build(options).app, "Dragonfly")[0]?.spec as Record<string, unknown> | undefined;

function dependsOn(files: ReadonlyMap<string, string>, path: string) {
  const [ks] = parseAllDocuments(files.get(path) ?? "").map(
    (d) => d.toJS() as { spec: Record<string, unknown> },
  );
  return ks?.spec.dependsOn;
}

describe("dragonfly", () => {
  it("renders the README example: two instances with snapshots", async () => {
    // GIVEN the README example
    // README:start
    const cache = dragonfly({
      name: "cache",
      namespace: "business",
      replicas: 2,
      memory: "1Gi",
      snapshots: { storageClass: hostpath, size: "2Gi", cron: "*/15 * * * *" },
    });
    // README:end
    // WHEN rendered with the operator and the storage THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(cache, undefined, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/dragonfly.default.yaml");
    // AND the README shows this very example and excerpts of this render
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("depends on the operator through its kind and on the snapshot storage, and waits until ready", () => {
    // GIVEN a Dragonfly with snapshots WHEN rendered with its providers
    const cache = build({ snapshots: { storageClass: hostpath, size: "2Gi", cron: "0 * * * *" } });
    const rendered = renderComponents([...providers, cache]);
    // THEN it validates and its app depends on both, health-checked on the Dragonfly's phase
    expect(rendered.findings).toEqual([]);
    expect(dependsOn(rendered.files, "apps/business/cache/ks.yaml")).toEqual([
      { name: "dragonfly-operator", namespace: "dragonfly-system" },
      { name: "openebs", namespace: "openebs-system" },
    ]);
    expect(cache.app).toMatchObject({
      wait: true,
      healthCheckExprs: [
        {
          apiVersion: "dragonflydb.io/v1alpha1",
          kind: "Dragonfly",
          current: "has(status.phase) && status.phase == 'ready'",
        },
      ],
    });
  });

  it("lets the operator in to each instance's admin and Redis ports, and nothing else", () => {
    // GIVEN the required options WHEN built
    const [policy] = objectsOf(dragonfly(base).app, "NetworkPolicy");
    // THEN a NetworkPolicy selects the operator's pods of this Dragonfly and admits its namespace on 9999 and 6379
    expect(policy?.metadata).toMatchObject({ name: "cache-dragonfly-operator" });
    expect(policy?.spec).toEqual({
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "dragonfly-system" } } },
          ],
          ports: [
            { port: 9999, protocol: "TCP" },
            { port: 6379, protocol: "TCP" },
          ],
        },
      ],
      podSelector: { matchLabels: { app: "cache", "app.kubernetes.io/name": "dragonfly" } },
      policyTypes: ["Ingress"],
    });
  });

  it("exports its Service, and an app using it waits for it", () => {
    // GIVEN the required options WHEN built THEN the service is the Dragonfly's, on the Redis port
    const cache = dragonfly(base);
    expect(cache.service).toEqual({
      type: "Service",
      name: "cache",
      namespace: "business",
      provider: { name: "cache", namespace: "business" },
      port: 6379,
      host: "cache.business.svc.cluster.local",
    });
    const web = defineApp({
      name: "web",
      namespace: "business",
      layer: "apps",
      objects: [],
      uses: [cache.service],
    });
    const rendered = renderComponents([operator, cache, { name: "web", apps: [web] }]);
    expect(rendered.findings).toEqual([]);
    expect(dependsOn(rendered.files, "apps/business/web/ks.yaml")).toEqual([
      { name: "cache", namespace: "business" },
    ]);
  });
});

describe("dragonfly options", () => {
  it("replicas: one master and replicas", () => {
    expect(spec({ replicas: 3 })).toMatchObject({ replicas: 3 });
  });

  it("memory: is each instance's request and limit", () => {
    expect(spec({ memory: "512Mi" })).toMatchObject({
      resources: { limits: { memory: "512Mi" }, requests: { memory: "512Mi" } },
    });
  });

  it("snapshots: a volume per instance on the storage class, on the schedule", () => {
    const cache = build({ snapshots: { storageClass: hostpath, size: "5Gi", cron: "0 */6 * * *" } });
    expect(objectsOf(cache.app, "Dragonfly")[0]?.spec).toMatchObject({
      snapshot: {
        cron: "0 */6 * * *",
        persistentVolumeClaimSpec: {
          accessModes: ["ReadWriteOnce"],
          resources: { requests: { storage: "5Gi" } },
          storageClassName: "openebs-hostpath",
        },
      },
    });
    expect(cache.uses).toEqual([hostpath]);
  });

  it("snapshots: none by default, and nothing used", () => {
    expect(spec({})?.snapshot).toBeUndefined();
    expect(build({}).uses).toEqual([]);
  });

  it("layer, folder and dir: place the app", () => {
    expect(build({ layer: "apps", folder: "n8n", dir: "cache" }).app).toMatchObject({
      name: "cache",
      layer: "apps",
      folder: "n8n",
      dir: "cache",
    });
  });

  it("operatorNamespace: is the namespace let in to the instances", () => {
    const [policy] = objectsOf(build({ operatorNamespace: "databases" }).app, "NetworkPolicy");
    expect(policy?.spec).toMatchObject({
      ingress: [
        { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "databases" } } }] },
      ],
    });
  });

  it("namespace: is the app's and the Service's", () => {
    const cache = build({ namespace: "automation" });
    expect([cache.app.namespace, cache.service.host]).toEqual([
      "automation",
      "cache.automation.svc.cluster.local",
    ]);
  });
});

describe("dragonfly errors", () => {
  it("rejects memory that is not a quantity", () => {
    expect(() => build({ memory: "1GB" })).toThrow(
      message("memory", "not a memory quantity", "a Kubernetes quantity such as 1Gi", '"1GB"'),
    );
  });

  it("rejects zero replicas and an invalid name", () => {
    expect(() => build({ replicas: 0 })).toThrow(
      message("replicas", "a Dragonfly needs at least one instance", "an integer ≥ 1", "0"),
    );
    expect(() => build({ name: "Cache" })).toThrow(
      optionMessage("dragonfly(Cache)")(
        "name",
        "not a valid Dragonfly name",
        "a DNS label of at most 52 characters, such as cache",
        '"Cache"',
      ),
    );
  });

  it("rejects an operator namespace that is not a namespace name", () => {
    expect(() => build({ operatorNamespace: "Dragonfly_System" })).toThrow(
      message(
        "operatorNamespace",
        "not a valid namespace name",
        "a lowercase RFC 1123 label such as dragonfly-system",
        '"Dragonfly_System"',
      ),
    );
  });

  it("rejects a snapshot size that is not a quantity and a cron with seconds", () => {
    expect(() => build({ snapshots: { storageClass: hostpath, size: "big", cron: "0 * * * *" } })).toThrow(
      message("snapshots.size", "not a storage size", "a Kubernetes quantity such as 2Gi", '"big"'),
    );
    expect(() => build({ snapshots: { storageClass: hostpath, size: "2Gi", cron: "0 0 * * * *" } })).toThrow(
      message(
        "snapshots.cron",
        "not a 5-field cron schedule",
        "minute hour day month weekday, e.g. */15 * * * *",
        '"0 0 * * * *"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    const snapshots = { storageClass: "openebs-hostpath", size: "2Gi", cron: "0 * * * *" };
    // @ts-expect-error a storage class is a reference from its provider, not a name
    build({ snapshots });
    // @ts-expect-error replicas are a number
    expect(() => build({ replicas: "2" })).toThrow();
    // @ts-expect-error memory is a quantity string
    expect(() => build({ memory: 1024 })).toThrow();
    // @ts-expect-error unknown option
    build({ password: "secret" });
  });
});
