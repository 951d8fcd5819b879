import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import {
  appOf,
  helmValues,
  readmeShows,
  readmeYaml,
  SCHEMAS_DIR,
  schemaPresent,
  valuesErrors,
} from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { externalSecrets } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const VALUES_SCHEMA = `${SCHEMAS_DIR}/values/external-secrets/values.schema.json`;

function renderedFile(component: Parameters<typeof componentYaml>[0], path: string): unknown[] {
  const content = renderComponents([component]).files.get(path);
  if (content === undefined) throw new Error(`no file ${path}`);
  return parseAllDocuments(content).map((doc) => doc.toJS());
}

describe("externalSecrets", () => {
  it("renders the README example: operator, Connect and the store stage", async () => {
    // GIVEN the README example
    // README:start
    const secrets = externalSecrets({ vault: "k8s-infra" });
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(secrets);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/external-secrets.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("installs the operator with its CRDs and waits for it", () => {
    // GIVEN the default component WHEN built
    const operator = appOf(externalSecrets({ vault: "k8s-infra" }), "external-secrets");
    // THEN the operator app installs both CRD groups and is health-gated
    expect(operator.crds).toEqual(["external-secrets.io/*", "generators.external-secrets.io/*"]);
    expect(operator.wait).toBe(true);
    expect(helmValues(operator)).toMatchObject({ installCRDs: true, replicaCount: 1, leaderElect: false });
  });

  it("runs Connect only, on the bootstrap Secret, without secret material in git", () => {
    // GIVEN the default component WHEN built
    const connect = appOf(externalSecrets({ vault: "k8s-infra" }), "onepassword-connect");
    // THEN Connect reads the credentials from the named Secret and the 1Password operator is off
    expect(helmValues(connect)).toEqual({
      connect: {
        api: { httpPort: 8080 },
        applicationName: "onepassword-connect",
        credentialsKey: "1password-credentials.json",
        credentialsName: "onepassword-secret",
        serviceType: "ClusterIP",
      },
      operator: { create: false },
    });
    expect(connect.objects.map((o) => o.kind)).not.toContain("Secret");
  });

  it("puts the store in a health-checked stage after the operator and Connect", () => {
    // GIVEN the default component WHEN rendered
    const [connectKs, storeKs] = renderedFile(
      externalSecrets({ vault: "k8s-infra" }),
      "apps/external-secrets/onepassword-connect/ks.yaml",
    ) as { metadata: { name: string }; spec: Record<string, unknown> }[];
    // THEN the store stage depends on both and carries the ClusterSecretStore health expressions
    expect(connectKs?.metadata.name).toBe("onepassword-connect");
    expect(storeKs?.metadata.name).toBe("onepassword-connect-store");
    expect(storeKs?.spec.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect", namespace: "external-secrets" },
    ]);
    expect(storeKs?.spec.wait).toBe(true);
    expect(storeKs?.spec.healthCheckExprs).toEqual([
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ClusterSecretStore",
        current: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True')",
        failed: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')",
      },
    ]);
  });

  it("exports the store as a SecretStore reference provided by the store stage", () => {
    // GIVEN the default component WHEN built
    const secrets = externalSecrets({ vault: "k8s-infra" });
    // THEN consumers that use it depend on the stage that health-checks the store
    expect(secrets.secretStore).toEqual({
      type: "SecretStore",
      name: "onepassword-connect",
      namespace: undefined,
      provider: { name: "onepassword-connect-store", namespace: "external-secrets" },
    });
    expect(secrets.connect.host).toBe("onepassword-connect.external-secrets.svc.cluster.local");
  });
});

describe("externalSecrets options", () => {
  const store = (vault: string, extra = {}) =>
    appOf(externalSecrets({ vault, ...extra }), "onepassword-connect-store").objects[0]?.toJSON() as {
      spec: { provider: { onepassword: Record<string, unknown> } };
    };

  it("vault: reads the cluster's vault", () => {
    // GIVEN the apps cluster's vault WHEN built THEN the store reads it first
    expect(store("k8s-apps").spec.provider.onepassword.vaults).toEqual({ "k8s-apps": 1 });
  });

  it("namespace: moves every app and the Connect URL", () => {
    // GIVEN another namespace WHEN built
    const secrets = externalSecrets({ vault: "k8s-infra", namespace: "secrets" });
    // THEN the apps and the store's Connect host follow it
    expect(secrets.apps.map((a) => a.namespace)).toEqual(["secrets", "secrets", "secrets"]);
    expect(store("k8s-infra", { namespace: "secrets" }).spec.provider.onepassword.connectHost).toBe(
      "http://onepassword-connect.secrets.svc.cluster.local:8080",
    );
  });

  it("replicas: scales the controller and turns on leader election", () => {
    // GIVEN two replicas WHEN built THEN both values follow
    const operator = appOf(externalSecrets({ vault: "k8s-infra", replicas: 2 }), "external-secrets");
    expect(helmValues(operator)).toMatchObject({ replicaCount: 2, leaderElect: true });
  });

  it("credentialsSecret: names the bootstrap Secret for Connect and the store", () => {
    // GIVEN another bootstrap Secret name WHEN built
    const secrets = externalSecrets({ vault: "k8s-infra", credentialsSecret: "op-bootstrap" });
    // THEN Connect and the store's token reference both use it
    expect(helmValues(appOf(secrets, "onepassword-connect"))).toMatchObject({
      connect: { credentialsName: "op-bootstrap" },
    });
    expect(store("k8s-infra", { credentialsSecret: "op-bootstrap" }).spec.provider.onepassword.auth).toEqual({
      secretRef: {
        connectTokenSecretRef: { key: "token", name: "op-bootstrap", namespace: "external-secrets" },
      },
    });
  });

  it("credentialsFile: lists the SOPS file in Connect's folder and turns on decryption", () => {
    // GIVEN a SOPS-encrypted bootstrap Secret in git WHEN rendered
    const secrets = externalSecrets({ vault: "k8s-infra", credentialsFile: "onepassword-secret.sops.yaml" });
    const rendered = renderComponents([secrets]);
    // THEN Connect's kustomization lists it and the cluster entry decrypts
    expect(rendered.handWritten).toEqual([
      "apps/external-secrets/onepassword-connect/app/onepassword-secret.sops.yaml",
    ]);
    expect(rendered.files.get("flux/ks.yaml")).toContain("provider: sops");
  });

  it("clusterSecrets: writes cluster-secrets in every namespace from the cluster's item", () => {
    // GIVEN the default item WHEN rendered
    const rendered = renderComponents([externalSecrets({ vault: "k8s-infra" })]);
    // THEN a namespace component holds an ExternalSecret of that item targeting cluster-secrets
    expect(
      renderedFile(externalSecrets({ vault: "k8s-infra" }), "components/cluster-secrets/externalsecret.yaml"),
    ).toEqual([
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        metadata: { name: "cluster-secrets" },
        spec: {
          dataFrom: [{ extract: { key: "cluster-secrets" } }],
          secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
          target: { name: "cluster-secrets" },
        },
      },
    ]);
    // AND every namespace includes it
    expect(rendered.files.get("apps/external-secrets/kustomization.yaml")).toContain(
      "../../components/cluster-secrets",
    );
  });

  it("clusterSecrets: reads another item, or nothing when a SOPS file provides the Secret", () => {
    // GIVEN another item, then false WHEN built THEN the ExternalSecret reads it, then there is none
    const named = externalSecrets({ vault: "k8s-infra", clusterSecrets: "infra-substitutions" });
    expect(named.namespaceComponents?.[0]?.objects[0]?.toJSON()).toMatchObject({
      spec: { dataFrom: [{ extract: { key: "infra-substitutions" } }] },
    });
    expect(externalSecrets({ vault: "k8s-infra", clusterSecrets: false }).namespaceComponents).toEqual([]);
  });

  it("serviceMonitor: renders the operator's ServiceMonitor", () => {
    // GIVEN monitoring on WHEN built THEN the chart value is set
    const operator = appOf(externalSecrets({ vault: "k8s-infra", serviceMonitor: true }), "external-secrets");
    expect(helmValues(operator)).toMatchObject({ serviceMonitor: { enabled: true } });
  });
});

describe("externalSecrets errors", () => {
  it("rejects an empty vault name", () => {
    expect(() => externalSecrets({ vault: " " })).toThrow(
      'OPTION external-secrets: vault: the 1Password vault name is empty\n  expected: the name of the cluster\'s vault, e.g. k8s-infra\n  found:    ""',
    );
  });

  it("rejects zero replicas", () => {
    expect(() => externalSecrets({ vault: "k8s-infra", replicas: 0 })).toThrow(
      "OPTION external-secrets: replicas: the controller needs at least one replica\n  expected: an integer ≥ 1\n  found:    0",
    );
  });

  it("rejects a bootstrap Secret name Kubernetes would refuse", () => {
    expect(() => externalSecrets({ vault: "k8s-infra", credentialsSecret: "OP_Secret" })).toThrow(
      "OPTION external-secrets: credentialsSecret: not a valid Secret name\n  expected: a lowercase RFC 1123 subdomain\n  found:    OP_Secret",
    );
  });

  it("rejects a credentials file that is not SOPS-encrypted", () => {
    expect(() => externalSecrets({ vault: "k8s-infra", credentialsFile: "secret.yaml" })).toThrow(
      "OPTION external-secrets: credentialsFile: the bootstrap Secret must be a SOPS-encrypted file in the Connect app folder\n  expected: a file name ending in .sops.yaml, without a folder\n  found:    secret.yaml",
    );
  });

  it("rejects an empty cluster-secrets item name", () => {
    expect(() => externalSecrets({ vault: "k8s-infra", clusterSecrets: "" })).toThrow(
      'OPTION externalSecret(cluster-secrets): item: the 1Password item name is empty\n  expected: the name of an item in the store\'s vault\n  found:    ""',
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the vault is required: there is no default vault
    expect(() => externalSecrets({})).toThrow();
    // @ts-expect-error the vault is a name, not a number
    expect(() => externalSecrets({ vault: 1 })).toThrow();
    // @ts-expect-error unknown option
    externalSecrets({ vault: "k8s-infra", vaults: ["a"] });
    // @ts-expect-error clusterSecrets is an item name or false, not true
    expect(() => externalSecrets({ vault: "k8s-infra", clusterSecrets: true })).toThrow();
  });
});

describe.skipIf(!schemaPresent(VALUES_SCHEMA))("external-secrets chart values", () => {
  it("match the chart's values.schema.json", () => {
    // GIVEN the operator values with every option set WHEN validated THEN the chart schema accepts them
    for (const options of [{}, { replicas: 3, serviceMonitor: true }]) {
      const operator = appOf(externalSecrets({ vault: "k8s-infra", ...options }), "external-secrets");
      expect(valuesErrors(VALUES_SCHEMA, helmValues(operator))).toEqual([]);
    }
  });
});
