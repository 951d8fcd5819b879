import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { flux } from "./index.js";

const url = "https://github.com/k8s-ops/k8s-ops";
const path = "clusters/infra/flux";

const message = optionMessage("flux");

describe("flux option errors", () => {
  it("rejects a URL that is not a Git repository", () => {
    // GIVEN a scp-style URL WHEN built THEN it throws naming the option
    expect(() => flux({ url: "git@github.com:k8s-ops/k8s-ops.git", path })).toThrow(
      message(
        "url",
        "the sync URL is not a Git repository URL",
        "https://host/owner/repo or ssh://git@host/owner/repo",
        "git@github.com:k8s-ops/k8s-ops.git",
      ),
    );
  });

  it("rejects a branch that is not a branch name", () => {
    // GIVEN a ref instead of a branch WHEN built THEN it throws
    expect(() => flux({ url, path, branch: "refs/heads/../main" })).toThrow(
      message("branch", "not a branch name", "a branch such as main or release/infra", "refs/heads/../main"),
    );
  });

  it("rejects an absolute or ./ sync path", () => {
    // GIVEN paths Flux would resolve differently WHEN built THEN it throws
    expect(() => flux({ url, path: "/clusters/infra/flux" })).toThrow(
      message(
        "path",
        "the sync path must be relative to the repository root",
        "a path such as clusters/infra/flux",
        "/clusters/infra/flux",
      ),
    );
    expect(() => flux({ url, path: "./clusters/infra/flux" })).toThrow("found:    ./clusters/infra/flux");
  });

  it("rejects a version outside Flux 2", () => {
    // GIVEN a semver range WHEN built THEN it throws
    expect(() => flux({ url, path, version: ">=2.6" })).toThrow(
      message(
        "version",
        "not a Flux 2 distribution version",
        "2.x, 2.<minor>.x or 2.<minor>.<patch>",
        ">=2.6",
      ),
    );
  });

  it("rejects fewer than one worker", () => {
    // GIVEN zero workers WHEN built THEN it throws
    expect(() => flux({ url, path, concurrency: 0 })).toThrow(
      message("concurrency", "controllers need at least one worker", "an integer ≥ 1", "0"),
    );
  });

  it("rejects a Secret name that is not a DNS label", () => {
    // GIVEN an invalid Secret name WHEN built THEN it throws naming the option
    expect(() => flux({ url, path, receiver: { secret: "GitHub_Token" } })).toThrow(
      message("receiver.secret", "not a Secret name", "a DNS label such as sops-age", "GitHub_Token"),
    );
  });

  it("rejects notifications with nowhere to send them", () => {
    // GIVEN a Provider without address or Secret WHEN built THEN it throws
    expect(() => flux({ url, path, notifications: { type: "alertmanager" } })).toThrow(
      message(
        "notifications",
        "a alertmanager Provider needs somewhere to send events",
        "address, or a secret with an address key",
        "neither",
      ),
    );
  });

  it("rejects an Alert watching no namespace, or an invalid one", () => {
    // GIVEN empty or invalid namespaces WHEN built THEN it throws
    const notifications = { type: "generic", address: "http://hook.example/flux" } as const;
    expect(() => flux({ url, path, notifications: { ...notifications, namespaces: [] } })).toThrow(
      message(
        "notifications.namespaces",
        "the Alert would watch no namespace",
        "at least one namespace",
        "[]",
      ),
    );
    expect(() => flux({ url, path, notifications: { ...notifications, namespaces: ["Flux"] } })).toThrow(
      message("notifications", "not a valid name or namespace", "DNS labels such as flux-system", "Flux"),
    );
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    // @ts-expect-error the sync path is required
    expect(() => flux({ url })).toThrow(message("path", "the option is required", "a string", "undefined"));
    // @ts-expect-error Provider types are notification-controller's
    flux({ url, path, notifications: { type: "email", address: "ops@example.com" } });
    const secretMessage = (found: string) =>
      message(
        "receiver.secret",
        "not a Secret the notifications can read",
        "a Secret name, or a deployed Secret such as storeSecret() returns",
        found,
      );
    // @ts-expect-error a Receiver needs its token Secret
    expect(() => flux({ url, path, receiver: {} })).toThrow(secretMessage("undefined"));
    // @ts-expect-error a deployed Secret carries its object and what its stage uses, not only a name
    expect(() => flux({ url, path, receiver: { secret: { secretName: "github-webhook-secret" } } })).toThrow(
      secretMessage('{"secretName":"github-webhook-secret"}'),
    );
    // @ts-expect-error the route is built from the webhook Service, not given as a host name
    expect(() => flux({ url, path, receiver: { secret: "token", route: "flux.example.com" } })).toThrow(
      message(
        "receiver.route",
        "not a route to the webhook Service",
        "a function of the Service, such as (service) => httpRoute({ …, service })",
        '"flux.example.com"',
      ),
    );
    // @ts-expect-error the lockdown flag is not an option
    flux({ url, path, noCrossNamespaceRefs: true });
  });
});
