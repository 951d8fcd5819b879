import { externalSecrets } from "@k8s-ops/external-secrets";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type ActionsRunnerControllerOptions, actionsRunnerController } from "./index.js";

const base: ActionsRunnerControllerOptions = {
  store: externalSecrets({ vault: "k8s-apps" }).secretStore,
  githubConfigUrl: "https://github.com/my-org",
};
const message = optionMessage("actions-runner-controller");

describe("actionsRunnerController errors", () => {
  it("rejects a config URL that is not GitHub's", () => {
    // GIVEN a bare org name WHEN built THEN
    expect(() => actionsRunnerController({ ...base, githubConfigUrl: "my-org" })).toThrow(
      message(
        "githubConfigUrl",
        "not a GitHub repository, organisation or enterprise URL",
        "a URL such as https://github.com/my-org or https://github.com/my-org/my-repo",
        '"my-org"',
      ),
    );
  });

  it("rejects an invalid scale set name", () => {
    expect(() => actionsRunnerController({ ...base, runnerScaleSetName: "My Runners" })).toThrow(
      message(
        "runnerScaleSetName",
        "not a valid runner scale set name",
        "lowercase letters, digits and '-', at most 45 characters",
        '"My Runners"',
      ),
    );
  });

  it("rejects negative minRunners and maxRunners below minRunners", () => {
    expect(() => actionsRunnerController({ ...base, minRunners: -1 })).toThrow(
      message("minRunners", "not a runner count", "an integer ≥ 0", "-1"),
    );
    expect(() => actionsRunnerController({ ...base, minRunners: 4, maxRunners: 2 })).toThrow(
      message(
        "maxRunners",
        "must allow at least one runner and no fewer than minRunners",
        "an integer ≥ 4",
        "2",
      ),
    );
  });

  it("rejects zero controller replicas", () => {
    expect(() => actionsRunnerController({ ...base, replicas: 0 })).toThrow(
      message("replicas", "the controller needs at least one replica", "an integer ≥ 1", "0"),
    );
  });

  it("rejects an empty item and a field a template cannot read", () => {
    expect(() => actionsRunnerController({ ...base, githubAppItem: " " })).toThrow(
      message(
        "githubAppItem",
        "the 1Password item name is empty",
        "the item holding the GitHub App credentials",
        '""',
      ),
    );
    expect(() =>
      actionsRunnerController({ ...base, githubAppFields: { privateKey: "private-key" } }),
    ).toThrow(
      message(
        "githubAppFields.privateKey",
        "not a field name the secret template can read",
        "letters, digits and '_', not starting with a digit",
        '"private-key"',
      ),
    );
  });
});
