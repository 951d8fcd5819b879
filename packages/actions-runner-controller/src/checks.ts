import { OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { ResolvedActionsRunnerControllerOptions } from "./options.js";

const BUILDER = "actions-runner-controller";
const GITHUB_URL = /^https:\/\/[a-z0-9.-]+(\/(enterprises\/)?[A-Za-z0-9_.-]+){1,2}\/?$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

export function checkOptions(o: ResolvedActionsRunnerControllerOptions): void {
  if (!GITHUB_URL.test(o.githubConfigUrl))
    fail(
      "githubConfigUrl",
      "not a GitHub repository, organisation or enterprise URL",
      "a URL such as https://github.com/my-org or https://github.com/my-org/my-repo",
      JSON.stringify(o.githubConfigUrl),
    );
  if (!NAME.test(o.runnerScaleSetName) || o.runnerScaleSetName.length > 45)
    fail(
      "runnerScaleSetName",
      "not a valid runner scale set name",
      "lowercase letters, digits and '-', at most 45 characters",
      JSON.stringify(o.runnerScaleSetName),
    );
  if (!Number.isInteger(o.minRunners) || o.minRunners < 0)
    fail("minRunners", "not a runner count", "an integer ≥ 0", String(o.minRunners));
  if (!Number.isInteger(o.maxRunners) || o.maxRunners < Math.max(1, o.minRunners))
    fail(
      "maxRunners",
      "must allow at least one runner and no fewer than minRunners",
      `an integer ≥ ${Math.max(1, o.minRunners)}`,
      String(o.maxRunners),
    );
  if (!Number.isInteger(o.replicas) || o.replicas < 1)
    fail("replicas", "the controller needs at least one replica", "an integer ≥ 1", String(o.replicas));
  for (const [option, field] of Object.entries(o.githubAppFields))
    checkItemOptions({
      builder: BUILDER,
      item: ["githubAppItem", o.githubAppItem],
      field: [`githubAppFields.${option}`, field],
      holds: "the GitHub App credentials",
    });
}
