import type { ClusterSettings } from "@k8s-ops/core";
import { VMUser } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import type { HubWriter } from "./endpoints.js";
import type { ResolvedHubOptions } from "./options.js";

/** The label VMAuth selects its VMUsers by (in its own namespace), valued with the hub's name. */
export const VMAUTH_USER_LABEL = "k8s-ops.dev/vmauth";

/** The field of a writer's 1Password item that holds its password. */
export const WRITER_PASSWORD_FIELD = "password";

/** A spoke as the hub knows it: tenant = cluster id, username `vmagent-<cluster>`, item `vmauth-<cluster>`. */
export function hubWriter(spoke: ClusterSettings): HubWriter {
  return {
    cluster: spoke.name,
    tenant: spoke.id,
    username: `vmagent-${spoke.name}`,
    item: `vmauth-${spoke.name}`,
  };
}

/** The writer's password on the hub, read from its item into a Secret the VMUser names. */
function writerSecret(o: ResolvedHubOptions, writer: HubWriter): StoreSecret {
  return storeSecret({
    name: writer.item,
    store: o.store,
    item: writer.item,
    template: { [WRITER_PASSWORD_FIELD]: `{{ .${WRITER_PASSWORD_FIELD} }}` },
  });
}

/** A VMUser that may write to its own tenant on vminsert and reach nothing else. */
function writerUser(o: ResolvedHubOptions, writer: HubWriter, secretName: string): VMUser {
  return new VMUser({
    metadata: { name: writer.username, labels: { [VMAUTH_USER_LABEL]: o.name } },
    spec: {
      username: writer.username,
      passwordRef: { name: secretName, key: WRITER_PASSWORD_FIELD },
      targetRefs: [
        {
          crd: { kind: "VMCluster/vminsert", name: o.name, namespace: o.namespace },
          paths: [`/insert/${writer.tenant}/.+`],
        },
      ],
    },
  });
}

/** Every writer's VMUser and the ExternalSecret of its password, and the store the stage then uses. */
export function writerObjects(o: ResolvedHubOptions, writers: readonly HubWriter[]) {
  const secrets = writers.map((writer) => ({ writer, secret: writerSecret(o, writer) }));
  return {
    objects: secrets.flatMap(({ writer, secret }) => [
      secret.object,
      writerUser(o, writer, secret.secretName),
    ]),
    uses: secrets.length > 0 ? [o.store] : [],
  };
}
