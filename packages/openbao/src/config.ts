import type { ResolvedOpenBaoOptions, SealOptions } from "./options.js";

/** The environment variable the seal reads its token or key from. */
export const SEAL_ENV = { transit: "BAO_TOKEN", static: "BAO_STATIC_UNSEAL_KEY" } as const;

/** The OpenBao server configuration (HCL) of a Raft node of the `openbao` release. */
export function serverConfig(o: ResolvedOpenBaoOptions): string {
  const joins = Array.from(
    { length: o.replicas },
    (_, i) => `  retry_join {\n    leader_api_addr = "http://openbao-${i}.openbao-internal:8200"\n  }`,
  );
  return [
    "ui = true",
    'listener "tcp" {\n  tls_disable = 1\n  address = "[::]:8200"\n  cluster_address = "[::]:8201"\n}',
    `storage "raft" {\n  path = "/openbao/data"\n${joins.join("\n")}\n}`,
    'service_registration "kubernetes" {}',
    ...(o.seal ? [sealStanza(o.seal)] : []),
    "",
  ].join("\n");
}

function sealStanza(seal: SealOptions): string {
  if (seal.type === "transit")
    return [
      'seal "transit" {',
      `  address = "${seal.address}"`,
      `  key_name = "${seal.keyName ?? "autounseal"}"`,
      `  mount_path = "${seal.mountPath ?? "transit/"}"`,
      "}",
    ].join("\n");
  return [
    'seal "static" {',
    `  current_key_id = "${seal.keyId}"`,
    `  current_key = "env://${SEAL_ENV.static}"`,
    "}",
  ].join("\n");
}

/** The item's field holding the seal's token or key. */
export function sealField(seal: SealOptions): string {
  return seal.type === "transit"
    ? (seal.tokenField ?? "BAO_TRANSIT_TOKEN")
    : (seal.keyField ?? "BAO_STATIC_UNSEAL_KEY");
}
