import { OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { ResolvedGitLabRunnerOptions } from "./runner-options.js";

const BUILDER = "gitlabRunner";
const GITLAB_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const IMAGE = /^[^\s@]+:([\w][\w.-]{0,127})$/;

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

export function checkRunnerOptions(o: ResolvedGitLabRunnerOptions): void {
  if (!GITLAB_URL.test(o.gitlab.url))
    fail(
      "gitlab.url",
      "not a GitLab URL",
      "a URL such as https://gitlab.example.com",
      JSON.stringify(o.gitlab.url),
    );
  if (!Number.isInteger(o.concurrent) || o.concurrent < 1)
    fail("concurrent", "the runner must run at least one job", "an integer ≥ 1", String(o.concurrent));
  if (o.jobUser !== undefined && (!Number.isInteger(o.jobUser) || o.jobUser < 1))
    fail("jobUser", "not a non-root user ID", "an integer ≥ 1", String(o.jobUser));
  const tag = IMAGE.exec(o.jobImage)?.[1];
  if (tag === undefined || tag === "latest")
    fail(
      "jobImage",
      "not a pinned image",
      "an image with a tag other than latest, e.g. ubuntu:24.04",
      o.jobImage,
    );
  checkNamespaces(o);
  checkItemOptions({
    builder: BUILDER,
    item: ["item", o.item],
    field: ["tokenField", o.tokenField],
    holds: "the runner authentication token",
  });
}

function checkNamespaces(o: ResolvedGitLabRunnerOptions): void {
  for (const [field, value] of [
    ["namespace", o.namespace],
    ["jobNamespace", o.jobNamespace],
  ] as const) {
    if (!NAMESPACE.test(value))
      fail(field, "not a namespace name", "a lowercase RFC 1123 label", JSON.stringify(value));
  }
  if (o.jobNamespace === o.namespace)
    fail(
      "jobNamespace",
      "jobs must not run beside the runner and its token",
      `a namespace other than ${JSON.stringify(o.namespace)}`,
      JSON.stringify(o.jobNamespace),
    );
}
