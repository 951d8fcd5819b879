import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { authentik } from "./index.js";
import { base } from "./test-support.js";

const message = optionMessage("authentik");

describe("authentik errors", () => {
  it("rejects a host name that is not one", () => {
    expect(() => authentik({ ...base, hostname: "https://auth.example.com" })).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as auth.example.com or auth.${SECRET_DOMAIN}",
        '"https://auth.example.com"',
      ),
    );
  });

  it("rejects zero replicas or instances", () => {
    expect(() => authentik({ ...base, workerReplicas: 0 })).toThrow(
      message("workerReplicas", "needs at least one", "an integer ≥ 1", "0"),
    );
    expect(() => authentik({ ...base, databaseInstances: 1.5 })).toThrow(
      message("databaseInstances", "needs at least one", "an integer ≥ 1", "1.5"),
    );
  });

  it("rejects a volume size that is not a quantity and an empty item", () => {
    expect(() => authentik({ ...base, databaseSize: "5 GB" })).toThrow(
      message("databaseSize", "not a volume size", "a quantity such as 5Gi", '"5 GB"'),
    );
    expect(() => authentik({ ...base, item: "" })).toThrow(
      message(
        "item",
        "the 1Password item name is empty",
        "the item holding the secret key and database passwords",
        '""',
      ),
    );
  });
});
