import type { SecretStoreRef } from "@k8s-ops/core";
import { type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import { type Fail, failer } from "./checks.js";
import type { HubWriter, MetricsHub } from "./endpoints.js";
import type { ResolvedAgentOptions } from "./options.js";
import { WRITER_PASSWORD_FIELD } from "./writers.js";

/** The Secret a spoke's agent authenticates to VMAuth with: the writer's username and its item's password. */
export function credentials(writer: HubWriter, store: SecretStoreRef): StoreSecret {
  return storeSecret({
    name: "vmagent-remote-write",
    store,
    item: writer.item,
    template: { username: writer.username, password: `{{ .${WRITER_PASSWORD_FIELD} }}` },
  });
}

/** A spoke writes as the writer the hub exports for it, with a password from its own store. */
export function checkWriter(o: ResolvedAgentOptions, hub: MetricsHub): [HubWriter, SecretStoreRef] {
  const fail: Fail = failer("vmagent");
  const writer = hub.writers.find((w) => w.cluster === o.settings.name);
  if (writer === undefined) {
    fail(
      "hub",
      `the hub takes no writes from cluster ${o.settings.name}: VMAuth has no user for it`,
      `a hub whose spokes include ${o.settings.name}`,
      `spokes ${JSON.stringify(hub.writers.map((w) => w.cluster))}`,
    );
  }
  if (writer.tenant !== o.settings.id) {
    fail(
      "settings.id",
      `the hub lets cluster ${o.settings.name} write to tenant ${writer.tenant} only`,
      String(writer.tenant),
      String(o.settings.id),
    );
  }
  if (o.store === undefined) {
    fail(
      "store",
      "a spoke's agent reads its password to the hub from the cluster's secret store",
      `the store of a vault holding the item ${writer.item}`,
      "undefined",
    );
  }
  return [writer, o.store];
}
