import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { gitlabRunner } from "./index.js";
import { runnerBase } from "./test-support.js";

const message = optionMessage("gitlabRunner");

describe("gitlabRunner errors", () => {
  it("rejects a GitLab URL that is not one", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlabRunner({ ...runnerBase, gitlab: { url: "gitlab.example.com" } })).toThrow(
      message(
        "gitlab.url",
        "not a GitLab URL",
        "a URL such as https://gitlab.example.com",
        '"gitlab.example.com"',
      ),
    );
  });

  it("rejects zero concurrency and a root job user", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlabRunner({ ...runnerBase, concurrent: 0 })).toThrow(
      message("concurrent", "the runner must run at least one job", "an integer ≥ 1", "0"),
    );
    expect(() => gitlabRunner({ ...runnerBase, jobUser: 0 })).toThrow(
      message("jobUser", "not a non-root user ID", "an integer ≥ 1", "0"),
    );
  });

  it("rejects a job image without a tag or on latest", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    const expected = "an image with a tag other than latest, e.g. ubuntu:24.04";
    expect(() => gitlabRunner({ ...runnerBase, jobImage: "registry:5000/ci/base" })).toThrow(
      message("jobImage", "not a pinned image", expected, "registry:5000/ci/base"),
    );
    expect(() => gitlabRunner({ ...runnerBase, jobImage: "alpine:latest" })).toThrow(
      message("jobImage", "not a pinned image", expected, "alpine:latest"),
    );
  });

  it("rejects a namespace that is not one, and jobs beside the runner", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlabRunner({ ...runnerBase, namespace: "GitLab_Runner" })).toThrow(
      message("namespace", "not a namespace name", "a lowercase RFC 1123 label", '"GitLab_Runner"'),
    );
    expect(() => gitlabRunner({ ...runnerBase, jobNamespace: "gitlab-runner" })).toThrow(
      message(
        "jobNamespace",
        "jobs must not run beside the runner and its token",
        'a namespace other than "gitlab-runner"',
        '"gitlab-runner"',
      ),
    );
  });

  it("rejects an empty item and a token field a template cannot read", () => {
    // GIVEN the option below WHEN the builder runs THEN it throws the OptionError naming it
    expect(() => gitlabRunner({ ...runnerBase, item: "" })).toThrow(
      message(
        "item",
        "the 1Password item name is empty",
        "the item holding the runner authentication token",
        '""',
      ),
    );
    expect(() => gitlabRunner({ ...runnerBase, tokenField: "runner-token" })).toThrow(
      message(
        "tokenField",
        "not a field name the secret template can read",
        "letters, digits and '_', not starting with a digit",
        '"runner-token"',
      ),
    );
  });
});
