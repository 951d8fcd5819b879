import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APPS_INVENTORY, INFRA_INVENTORY, talosCommands, talosSchemaUrl } from "./index.js";
import { platformSettings } from "./test-support.js";

const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");

describe("talosSchemaUrl and talosCommands", () => {
  it("points at the schema file of the Talos release", () => {
    // GIVEN a release WHEN asked THEN the URL is the schema in the Talos repository at that tag
    expect(talosSchemaUrl("v1.14.2")).toBe(
      "https://raw.githubusercontent.com/siderolabs/talos/refs/tags/v1.14.2/website/content/v1.14/schemas/config.schema.json",
    );
  });

  it("gives the runbook the README shows: gen config with the encrypted secrets, apply per machine, bootstrap", () => {
    // GIVEN the apps cluster WHEN the commands are asked for
    const commands = talosCommands(platformSettings("apps"), APPS_INVENTORY);
    // THEN gen config reads the decrypted bundle, each machine gets its patch, the first one bootstraps etcd
    expect(commands[0]).toContain("--with-secrets <(sops --decrypt clusters/apps/talos/talsecret.sops.yaml)");
    expect(commands[0]).toContain("--config-patch-control-plane @clusters/apps/talos/controlplane.yaml");
    expect(commands[0]).toContain("--talos-version v1.13 --kubernetes-version v1.35.0");
    expect(commands.slice(1, 4)).toEqual(
      ["apps-1", "apps-2", "apps-3"].map(
        (name, i) =>
          `talosctl apply-config --insecure -n 10.25.11.${14 + i} --file "$TALOS_OUT/apps/controlplane.yaml" --config-patch @clusters/apps/talos/nodes/${name}.yaml`,
      ),
    );
    expect(commands[4]).toBe(
      'talosctl --talosconfig "$TALOS_OUT/apps/talosconfig" bootstrap -n 10.25.11.14 -e 10.25.11.14',
    );
    // AND the README's runbook is the infra cluster's
    for (const line of talosCommands(platformSettings("infra"), INFRA_INVENTORY))
      expect(README).toContain(line);
  });
});
