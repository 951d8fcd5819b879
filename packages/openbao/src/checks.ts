import { isDomainName, OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import { sealField } from "./config.js";
import type { ResolvedOpenBaoOptions } from "./options.js";

const BUILDER = "openbao";
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti)$/;
const ADDRESS = /^https?:\/\/[^\s"/]+(:[0-9]+)?\/?$/;
const KEY_ID = /^[A-Za-z0-9._-]+$/;

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

export function checkOptions(o: ResolvedOpenBaoOptions): void {
  if (!Number.isInteger(o.replicas) || o.replicas < 1 || o.replicas % 2 === 0)
    fail("replicas", "Raft needs an odd number of voters", "1, 3, 5, …", String(o.replicas));
  if (!QUANTITY.test(o.storageSize))
    fail("storageSize", "not a volume size", "a quantity such as 10Gi", JSON.stringify(o.storageSize));
  if ((o.gateway === undefined) !== (o.hostname === undefined))
    fail(
      "hostname",
      "gateway and hostname go together",
      "both or neither",
      o.gateway ? "a gateway only" : "a hostname only",
    );
  if (o.hostname !== undefined && !isDomainName(o.hostname))
    fail(
      "hostname",
      "not a host name",
      "a name such as bao.example.com or bao.${SECRET_DOMAIN}",
      JSON.stringify(o.hostname),
    );
  if (!o.seal) return;
  if (!o.store)
    fail("store", "an auto-unseal needs the store its secret comes from", "a SecretStoreRef", "undefined");
  if (o.seal.type === "transit" && !ADDRESS.test(o.seal.address))
    fail(
      "seal.address",
      "not a server address",
      "an http(s) URL without a path",
      JSON.stringify(o.seal.address),
    );
  if (o.seal.type === "static" && !KEY_ID.test(o.seal.keyId))
    fail("seal.keyId", "not a key id", "letters, digits, '.', '_' or '-'", JSON.stringify(o.seal.keyId));
  checkItemOptions({
    builder: BUILDER,
    item: ["item", o.item],
    field: [o.seal.type === "transit" ? "seal.tokenField" : "seal.keyField", sealField(o.seal)],
    holds: "the seal's token or key",
  });
}
