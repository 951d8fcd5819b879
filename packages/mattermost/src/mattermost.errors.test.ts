import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { mattermost } from "./index.js";
import { base } from "./test-support.js";

const message = optionMessage("mattermost");

describe("mattermost errors", () => {
  it("rejects a host name that is not one", () => {
    expect(() => mattermost({ ...base, hostname: "https://chat.example.com" })).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as chat.example.com or chat.${SECRET_DOMAIN}",
        '"https://chat.example.com"',
      ),
    );
  });

  it("rejects an S3 endpoint with a path, an invalid bucket and an empty region", () => {
    expect(() => mattermost({ ...base, s3: { ...base.s3, endpoint: "http://rgw/mattermost" } })).toThrow(
      message(
        "s3.endpoint",
        "not an S3 endpoint",
        "an http(s) URL without a path",
        '"http://rgw/mattermost"',
      ),
    );
    expect(() => mattermost({ ...base, s3: { ...base.s3, bucket: "Chat_Files" } })).toThrow(
      message("s3.bucket", "not a bucket name", "3-63 lowercase letters, digits, '.' or '-'", '"Chat_Files"'),
    );
    expect(() => mattermost({ ...base, s3: { ...base.s3, region: " " } })).toThrow(
      message("s3.region", "the region is empty", "a region such as us-east-1", '""'),
    );
  });

  it("rejects zero database instances and a size that is not a quantity", () => {
    expect(() => mattermost({ ...base, databaseInstances: 0 })).toThrow(
      message("databaseInstances", "the database needs at least one instance", "an integer ≥ 1", "0"),
    );
    expect(() => mattermost({ ...base, databaseSize: "5GB" })).toThrow(
      message("databaseSize", "not a volume size", "a quantity such as 5Gi", '"5GB"'),
    );
  });

  it("rejects settings that are not Mattermost variables or that the package sets", () => {
    expect(() => mattermost({ ...base, settings: { TeamSettings_SiteName: "Chat" } })).toThrow(
      message(
        "settings",
        "not a Mattermost setting variable",
        "MM_<SECTION>_<SETTING> in capitals, e.g. MM_TEAMSETTINGS_SITENAME",
        '"TeamSettings_SiteName"',
      ),
    );
    expect(() => mattermost({ ...base, settings: { MM_FILESETTINGS_DRIVERNAME: "local" } })).toThrow(
      message(
        "settings",
        "a setting this package sets itself",
        "another setting: the site URL, the database and the file storage follow from the options",
        '"MM_FILESETTINGS_DRIVERNAME"',
      ),
    );
  });

  it("rejects empty items", () => {
    expect(() => mattermost({ ...base, item: "" })).toThrow(
      message("item", "the 1Password item name is empty", "the item holding the database passwords", '""'),
    );
    expect(() => mattermost({ ...base, s3: { ...base.s3, item: " " } })).toThrow(
      message("s3.item", "the 1Password item name is empty", "the item holding the S3 keys", '""'),
    );
  });
});
