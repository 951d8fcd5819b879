import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type OpenBaoOptions, openBao } from "./index.js";
import { cephBlock, internalGateway, providers, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });
const base: OpenBaoOptions = { storageClass: cephBlock };

type Server = { ha: { raft: { config: string }; replicas: number }; extraSecretEnvironmentVars?: unknown };
const server = (options: OpenBaoOptions) => helmValues(appOf(openBao(options), "openbao")).server as Server;

describe("openBao", () => {
  it("renders the README example: HA on Raft, static auto-unseal, routed", async () => {
    // GIVEN the README example
    // README:start
    const bao = openBao({
      storageClass: cephBlock,
      store: secrets.secretStore,
      seal: { type: "static", keyId: "2026-11" },
      gateway: internalGateway,
      hostname: "bao.${SECRET_DOMAIN}",
    });
    // README:end
    // WHEN rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(bao, settings, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/openbao.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("joins every Raft voter and keeps Shamir unsealing without a seal", () => {
    // GIVEN the defaults WHEN built
    const values = server(base);
    // THEN three voters join each other, and no seal stanza or secret is rendered
    expect(values.ha.replicas).toBe(3);
    expect(values.ha.raft.config).toContain('leader_api_addr = "http://openbao-2.openbao-internal:8200"');
    expect(values.ha.raft.config).not.toContain("seal");
    expect(values.extraSecretEnvironmentVars).toBeUndefined();
    expect(objectsOf(appOf(openBao(base), "openbao"), "ExternalSecret")).toEqual([]);
    expect(objectsOf(appOf(openBao(base), "openbao"), "HTTPRoute")).toEqual([]);
  });

  it("auto-unseals through a transit engine with the token from the store", () => {
    // GIVEN a transit seal
    const options: OpenBaoOptions = {
      ...base,
      store: secrets.secretStore,
      seal: { type: "transit", address: "https://bao.example.com", keyName: "infra", mountPath: "unseal/" },
    };
    // THEN the stanza names the engine and the token comes in as BAO_TOKEN
    expect(server(options).ha.raft.config).toContain(
      'seal "transit" {\n  address = "https://bao.example.com"\n  key_name = "infra"\n  mount_path = "unseal/"\n}',
    );
    expect(server(options).extraSecretEnvironmentVars).toEqual([
      { envName: "BAO_TOKEN", secretKey: "BAO_TOKEN", secretName: "openbao-seal-secret" },
    ]);
    const [secret] = objectsOf(appOf(openBao(options), "openbao"), "ExternalSecret");
    expect(secret?.spec).toMatchObject({
      target: { template: { data: { BAO_TOKEN: "{{ .BAO_TRANSIT_TOKEN }}" } } },
    });
  });

  it("auto-unseals with a static key from the environment", () => {
    const options: OpenBaoOptions = {
      ...base,
      store: secrets.secretStore,
      item: "bao",
      seal: { type: "static", keyId: "k1", keyField: "UNSEAL_KEY" },
    };
    expect(server(options).ha.raft.config).toContain(
      'seal "static" {\n  current_key_id = "k1"\n  current_key = "env://BAO_STATIC_UNSEAL_KEY"\n}',
    );
    const [secret] = objectsOf(appOf(openBao(options), "openbao"), "ExternalSecret");
    expect(secret?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "bao" } }],
      target: { template: { data: { BAO_STATIC_UNSEAL_KEY: "{{ .UNSEAL_KEY }}" } } },
    });
  });

  it("sizes the Raft cluster and moves the namespace", () => {
    const bao = openBao({ ...base, replicas: 5, storageSize: "20Gi", namespace: "vault" });
    const values = helmValues(appOf(bao, "openbao")).server as Server & { dataStorage: unknown };
    expect(values.ha.replicas).toBe(5);
    expect(values.dataStorage).toEqual({ enabled: true, size: "20Gi", storageClass: "ceph-block" });
    expect(bao.address).toBe("http://openbao-active.vault.svc.cluster.local:8200");
  });

  it("depends on the storage class, the store and the gateway it uses", () => {
    const bao = openBao({
      ...base,
      store: secrets.secretStore,
      seal: { type: "static", keyId: "k1" },
      gateway: internalGateway,
      hostname: "bao.example.com",
    });
    const files = renderComponents([...providers, bao], settings).files;
    const [ks] = parseAllDocuments(files.get("apps/openbao/openbao/ks.yaml") ?? "").map(
      (d) => d.toJS() as { spec: { dependsOn: unknown } },
    );
    expect(ks?.spec.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "envoy-gateways", namespace: "network" },
      { name: "rook-ceph", namespace: "rook-ceph" },
    ]);
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error a storage class must be a StorageClassRef, not a name
      () => openBao({ storageClass: "ceph-block" }),
      // @ts-expect-error a static seal needs its key id
      () => openBao({ ...base, store: secrets.secretStore, seal: { type: "static" } }),
      // @ts-expect-error only transit and static seals
      () => openBao({ ...base, seal: { type: "awskms", keyId: "x" } }),
    ];
    expect(rejected).toHaveLength(3);
  });
});
