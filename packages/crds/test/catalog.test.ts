import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { crdCatalog } from "../src/index.js";

const packageJson: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const exportsField =
  typeof packageJson === "object" && packageJson !== null && "exports" in packageJson
    ? packageJson.exports
    : {};

describe("crdCatalog", () => {
  it("has one package export per group/version, and no other", () => {
    // GIVEN the catalog WHEN compared with package.json's exports
    const expected = Object.fromEntries(
      crdCatalog.map(({ apiVersion }) => [
        `./${apiVersion}`,
        { types: `./dist/${apiVersion}/index.d.ts`, import: `./dist/${apiVersion}/index.js` },
      ]),
    );
    // THEN every group/version is importable as @k8s-ops/crds/<group>/<version>
    expect(exportsField).toEqual({
      ".": { types: "./dist/index.d.ts", import: "./dist/index.js" },
      ...expected,
      "./package.json": "./package.json",
    });
    for (const entry of crdCatalog) expect(entry.importPath).toBe(`@k8s-ops/crds/${entry.apiVersion}`);
  });

  it("names, for each group/version, the classes its module exports", async () => {
    for (const { apiVersion, kinds, origin } of crdCatalog) {
      // GIVEN the module of a group/version
      const path = new URL(`../src/${origin}/${apiVersion}/index.ts`, import.meta.url).pathname;
      const module: Record<string, unknown> = await import(/* @vite-ignore */ path);
      // THEN it exports one model class per kind, with the catalog's apiVersion and kind
      for (const kind of kinds) {
        expect(module[kind], `${apiVersion} ${kind}`).toHaveProperty("apiVersion", apiVersion);
        expect(module[kind], `${apiVersion} ${kind}`).toHaveProperty("kind", kind);
      }
    }
  });

  it("covers the kinds the platform uses", () => {
    // GIVEN the kinds the components build
    const wanted = [
      "ceph.rook.io/v1: CephCluster CephBlockPool CephFilesystem CephObjectStore CephFilesystemSubVolumeGroup CephObjectStoreUser",
      "operator.victoriametrics.com/v1beta1: VMCluster VMAgent VMAlert VMAlertmanager VMAlertmanagerConfig VMAuth VMUser VMRule",
      "operator.victoriametrics.com/v1beta1: VMServiceScrape VMPodScrape VMNodeScrape VMStaticScrape VMProbe VMScrapeConfig VMSingle",
      "operator.victoriametrics.com/v1: VLSingle VLCluster VLAgent",
      "dragonflydb.io/v1alpha1: Dragonfly",
      "fluentbit.fluent.io/v1alpha2: FluentBit ClusterFluentBitConfig ClusterInput ClusterFilter ClusterOutput ClusterParser",
      "externaldns.k8s.io/v1alpha1: DNSEndpoint",
      "k8s.keycloak.org/v2alpha1: Keycloak KeycloakRealmImport",
      "barmancloud.cnpg.io/v1: ObjectStore",
      "volsync.backube/v1alpha1: ReplicationSource ReplicationDestination",
      "fluxcd.controlplane.io/v1: FluxInstance ResourceSet",
      "upgrade.cattle.io/v1: Plan",
    ];
    // THEN each is in the catalog under its group/version
    for (const line of wanted) {
      const [apiVersion = "", kinds = ""] = line.split(": ");
      const entry = crdCatalog.find((e) => e.apiVersion === apiVersion);
      expect(entry?.kinds, apiVersion).toEqual(expect.arrayContaining(kinds.split(" ")));
    }
  });
});
