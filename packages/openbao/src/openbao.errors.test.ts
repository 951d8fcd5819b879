import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type OpenBaoOptions, openBao } from "./index.js";
import { cephBlock, internalGateway, secrets } from "./test-support.js";

const base: OpenBaoOptions = { storageClass: cephBlock };
const message = optionMessage("openbao");

describe("openBao errors", () => {
  it("rejects an even number of voters", () => {
    expect(() => openBao({ ...base, replicas: 2 })).toThrow(
      message("replicas", "Raft needs an odd number of voters", "1, 3, 5, …", "2"),
    );
  });

  it("rejects a volume size that is not a quantity", () => {
    expect(() => openBao({ ...base, storageSize: "10G" })).toThrow(
      message("storageSize", "not a volume size", "a quantity such as 10Gi", '"10G"'),
    );
  });

  it("rejects a gateway without a host name", () => {
    expect(() => openBao({ ...base, gateway: internalGateway })).toThrow(
      message("hostname", "gateway and hostname go together", "both or neither", "a gateway only"),
    );
  });

  it("rejects a seal without a store", () => {
    expect(() => openBao({ ...base, seal: { type: "static", keyId: "k1" } })).toThrow(
      message(
        "store",
        "an auto-unseal needs the store its secret comes from",
        "a SecretStoreRef",
        "undefined",
      ),
    );
  });

  it("rejects a transit address with a path and a bad key id", () => {
    const store = secrets.secretStore;
    expect(() => openBao({ ...base, store, seal: { type: "transit", address: "https://bao/v1" } })).toThrow(
      message("seal.address", "not a server address", "an http(s) URL without a path", '"https://bao/v1"'),
    );
    expect(() => openBao({ ...base, store, seal: { type: "static", keyId: "key 1" } })).toThrow(
      message("seal.keyId", "not a key id", "letters, digits, '.', '_' or '-'", '"key 1"'),
    );
  });

  it("rejects a key field a template cannot read", () => {
    expect(() =>
      openBao({
        ...base,
        store: secrets.secretStore,
        seal: { type: "static", keyId: "k1", keyField: "unseal-key" },
      }),
    ).toThrow(
      message(
        "seal.keyField",
        "not a field name the secret template can read",
        "letters, digits and '_', not starting with a digit",
        '"unseal-key"',
      ),
    );
  });
});
