import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { harbor } from "./index.js";
import { base } from "./test-support.js";

const message = optionMessage("harbor");

describe("harbor errors", () => {
  it("rejects a host name that is not one", () => {
    expect(() => harbor({ ...base, hostname: "registry.example.com/harbor" })).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as registry.example.com or registry.${SECRET_DOMAIN}",
        '"registry.example.com/harbor"',
      ),
    );
  });

  it("rejects an S3 endpoint with a path and an invalid bucket", () => {
    expect(() => harbor({ ...base, s3: { ...base.s3, endpoint: "http://rgw/harbor" } })).toThrow(
      message("s3.endpoint", "not an S3 endpoint", "an http(s) URL without a path", '"http://rgw/harbor"'),
    );
    expect(() => harbor({ ...base, s3: { ...base.s3, bucket: "Harbor_Blobs" } })).toThrow(
      message(
        "s3.bucket",
        "not a bucket name",
        "3-63 lowercase letters, digits, '.' or '-'",
        '"Harbor_Blobs"',
      ),
    );
  });

  it("rejects zero database instances and sizes that are not quantities", () => {
    expect(() => harbor({ ...base, databaseInstances: 0 })).toThrow(
      message("databaseInstances", "the database needs at least one instance", "an integer ≥ 1", "0"),
    );
    expect(() => harbor({ ...base, cacheMemory: "1GB" })).toThrow(
      message("cacheMemory", "not a quantity", "a quantity such as 5Gi or 512Mi", '"1GB"'),
    );
  });

  it("rejects empty items", () => {
    expect(() => harbor({ ...base, s3: { ...base.s3, item: "" } })).toThrow(
      message("s3.item", "the 1Password item name is empty", "the item holding the S3 keys", '""'),
    );
  });
});
