import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { gitlab } from "./index.js";
import { base } from "./test-support.js";

const message = optionMessage("gitlab");

describe("gitlab errors", () => {
  it("rejects host names that are not ones, and a registry on GitLab's own host", () => {
    // GIVEN a URL for a host name THEN
    expect(() => gitlab({ ...base, hostname: "https://gitlab.example.com" })).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as gitlab.example.com or gitlab.${SECRET_DOMAIN}",
        '"https://gitlab.example.com"',
      ),
    );
    expect(() => gitlab({ ...base, registryHostname: "registry example.com" })).toThrow(
      message(
        "registryHostname",
        "not a host name",
        "a name such as registry.example.com or registry.${SECRET_DOMAIN}",
        '"registry example.com"',
      ),
    );
    // GIVEN the registry on GitLab's host name THEN
    expect(() => gitlab({ ...base, registryHostname: "gitlab.example.com" })).toThrow(
      message(
        "registryHostname",
        "the registry needs a host name of its own",
        'a name other than "gitlab.example.com"',
        '"gitlab.example.com"',
      ),
    );
  });

  it("rejects an S3 endpoint with a path and a bucket prefix S3 cannot take", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlab({ ...base, objectStorage: { endpoint: "http://rgw/gitlab" } })).toThrow(
      message(
        "objectStorage.endpoint",
        "not an S3 endpoint",
        "an http(s) URL without a path",
        '"http://rgw/gitlab"',
      ),
    );
    const prefix = (bucketPrefix: string) => () =>
      gitlab({ ...base, objectStorage: { ...base.objectStorage, bucketPrefix } });
    const expected = "2-46 lowercase letters, digits or '-', not ending in '-'";
    expect(prefix("GitLab")).toThrow(
      message("objectStorage.bucketPrefix", "not a bucket name prefix", expected, '"GitLab"'),
    );
    expect(prefix("gitlab-")).toThrow(
      message("objectStorage.bucketPrefix", "not a bucket name prefix", expected, '"gitlab-"'),
    );
    expect(prefix("g".repeat(47))).toThrow(
      message("objectStorage.bucketPrefix", "not a bucket name prefix", expected, `"${"g".repeat(47)}"`),
    );
  });

  it("rejects an SSH host name or address that is not one", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlab({ ...base, ssh: { hostname: "ssh", address: "192.168.0.140" } })).toThrow(
      message("ssh.hostname", "not a host name", "a name such as ssh.gitlab.example.com", '"ssh"'),
    );
    expect(() =>
      gitlab({ ...base, ssh: { hostname: "ssh.example.com", address: "192.168.0.0/24" } }),
    ).toThrow(
      message(
        "ssh.address",
        "not an IPv4 address",
        "an address of the cluster's LoadBalancer pool",
        '"192.168.0.0/24"',
      ),
    );
  });

  it("rejects zero database instances and sizes that are not quantities", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlab({ ...base, databaseInstances: 0 })).toThrow(
      message("databaseInstances", "the database needs at least one instance", "an integer ≥ 1", "0"),
    );
    expect(() => gitlab({ ...base, databaseSize: "20GB" })).toThrow(
      message("databaseSize", "not a volume size", "a quantity such as 50Gi", '"20GB"'),
    );
    expect(() => gitlab({ ...base, gitalySize: "lots" })).toThrow(
      message("gitalySize", "not a volume size", "a quantity such as 50Gi", '"lots"'),
    );
  });

  it("rejects empty items", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlab({ ...base, item: " " })).toThrow(
      message(
        "item",
        "the 1Password item name is empty",
        "the item holding the root and database passwords",
        '""',
      ),
    );
    expect(() => gitlab({ ...base, objectStorage: { ...base.objectStorage, item: "" } })).toThrow(
      message("objectStorage.item", "the 1Password item name is empty", "the item holding the S3 keys", '""'),
    );
  });
});
