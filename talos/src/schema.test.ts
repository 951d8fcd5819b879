import { describe, expect, it } from "vitest";
import { APPS_INVENTORY, INFRA_INVENTORY, type TalosInventory, talosFiles } from "./index.js";
import { secretFindings, talosRuleFindings } from "./test-rules.js";
import {
  fileDocuments,
  generatedConfig,
  isRecord,
  machineConfig,
  mergePatch,
  platformSettings,
  schemaPresent,
  schemaValidator,
  withoutDirectives,
} from "./test-support.js";

const CLUSTERS: ["infra" | "apps", TalosInventory][] = [
  ["infra", INFRA_INVENTORY],
  ["apps", APPS_INVENTORY],
];

describe.skipIf(!schemaPresent())("the Talos 1.13 schema", () => {
  const validate = schemaValidator();

  it.each(CLUSTERS)("accepts every document of every %s file on its own", (name, inventory) => {
    // GIVEN the cluster's files WHEN each document (delete directives aside) is checked THEN none has a problem
    const files = talosFiles(platformSettings(name), inventory);
    const problems = files.flatMap((file) =>
      fileDocuments(files, file.path).flatMap((document, index) =>
        validate(withoutDirectives(document)).map((problem) => `${file.path}#${index}: ${problem}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it.each(CLUSTERS)("accepts the configuration each %s machine ends up with", (name, inventory) => {
    // GIVEN the generated configuration, merged with the cluster, control-plane and machine patches
    const settings = platformSettings(name);
    const files = talosFiles(settings, inventory);
    for (const machine of inventory.machines) {
      const config = machineConfig(settings, inventory.endpoint, files, machine);
      // WHEN checked THEN the schema and Talos' own rules hold
      expect(
        config.flatMap((document) => validate(document)),
        machine.name,
      ).toEqual([]);
      expect(talosRuleFindings(config), machine.name).toEqual([]);
    }
  });

  it("sees the schema refuse what Talos 1.13 no longer has", () => {
    // GIVEN the legacy machine.network section and a bond without its mode THEN both are refused
    expect(validate({ version: "v1alpha1", machine: { network: { hostname: "infra-1" } } })).not.toEqual([]);
    expect(
      validate({ apiVersion: "v1alpha1", kind: "BondConfig", name: "bond0", links: ["net0"] }),
    ).not.toEqual([]);
  });
});

describe("the merged machine configuration", () => {
  const settings = platformSettings("infra");
  const files = talosFiles(settings, INFRA_INVENTORY);
  const [first] = INFRA_INVENTORY.machines;
  const config = first === undefined ? [] : machineConfig(settings, INFRA_INVENTORY.endpoint, files, first);
  const v1alpha1 = config.find((document) => isRecord(document) && document.version === "v1alpha1");

  it("has the settings' subnets in place of the generated ones", () => {
    // GIVEN infra-1's merged configuration THEN the pod and service subnets are exactly the settings'
    expect(v1alpha1).toMatchObject({
      cluster: {
        network: { podSubnets: ["10.244.0.0/16"], serviceSubnets: ["10.245.0.0/16"], cni: { name: "none" } },
      },
    });
  });

  it("has the machine's hostname instead of a generated one, and no load-balancer exclusion", () => {
    // GIVEN infra-1's merged configuration THEN its HostnameConfig is static and the control-plane label is gone
    expect(config).toContainEqual({
      apiVersion: "v1alpha1",
      kind: "HostnameConfig",
      auto: "off",
      hostname: "infra-1",
    });
    expect(JSON.stringify(v1alpha1)).not.toContain("exclude-from-external-load-balancers");
    expect(v1alpha1).toMatchObject({
      machine: { install: { disk: "/dev/sda", diskSelector: { serial: "S6PNNS0W000011" } } },
    });
  });

  it("merges the way talosctl does: replaced subnets, appended lists, delete of a missing key fails", () => {
    // GIVEN a generated configuration and patches
    const base = generatedConfig(settings, INFRA_INVENTORY.endpoint, "controlplane");
    // WHEN a patch lists SANs and subnets THEN SANs append and subnets replace
    const merged = mergePatch(base, [
      { cluster: { apiServer: { certSANs: ["127.0.0.1"] }, network: { podSubnets: ["10.1.0.0/16"] } } },
    ]);
    expect(merged[0]).toMatchObject({
      cluster: {
        apiServer: { certSANs: ["10.25.11.10", "127.0.0.1"] },
        network: { podSubnets: ["10.1.0.0/16"] },
      },
    });
    // WHEN a patch deletes a key the worker configuration does not have THEN it fails, as talosctl does
    const worker = generatedConfig(settings, INFRA_INVENTORY.endpoint, "worker");
    expect(() => mergePatch(worker, fileDocuments(files, "talos/controlplane.yaml"))).toThrow(
      "$patch: delete of machine.nodeLabels",
    );
  });
});

describe("secret material", () => {
  it.each(CLUSTERS)("is nowhere in the %s files", (name, inventory) => {
    // GIVEN every rendered document WHEN searched for keys, tokens, certificates THEN nothing is found
    const files = talosFiles(platformSettings(name), inventory);
    expect(files.flatMap((file) => secretFindings(file.documents, file.path))).toEqual([]);
  });

  it("would be found if it were there", () => {
    // GIVEN the fields of a secrets bundle THEN each is reported
    const bundle = {
      cluster: { id: "x", secret: "y", token: "abcdef.0123456789abcdef", ca: { crt: "LS0tLS1CRUdJTi" } },
      machine: { ca: { key: "k" } },
      other: { note: "-----BEGIN PRIVATE KEY-----" },
    };
    expect(secretFindings(bundle)).toEqual([
      'cluster.id: "x"',
      'cluster.secret: "y"',
      'cluster.token: "abcdef.0123456789abcdef"',
      'cluster.ca: {"crt":"LS0tLS1CRUdJTi"}',
      'machine.ca: {"key":"k"}',
      "other.note: -----BEGIN PRIVATE KEY-----",
    ]);
  });
});
