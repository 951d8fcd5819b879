import type { SecretStoreRef } from "@k8s-ops/core";

/** How runner pods run job containers: Docker-in-Docker beside the runner, or none (jobs run on the runner). */
export type ContainerMode = "dind" | "none";

/** The fields of the 1Password item that hold the GitHub App's credentials. */
export interface GithubAppFields {
  /** @default "ACTIONS_RUNNER_APP_ID" */
  readonly appId?: string;
  /** @default "ACTIONS_RUNNER_INSTALLATION_ID" */
  readonly installationId?: string;
  /** @default "ACTIONS_RUNNER_PRIVATE_KEY" */
  readonly privateKey?: string;
}

export interface ActionsRunnerControllerOptions {
  /** The store the GitHub App credentials are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The repository, organisation or enterprise URL runners register with, e.g. `https://github.com/my-org`. */
  readonly githubConfigUrl: string;
  /** Name of the runner scale set: the label workflows put in `runs-on`. @default "arc-runner" */
  readonly runnerScaleSetName?: string;
  /** Runners kept idle. @default 0 */
  readonly minRunners?: number;
  /** Most runners at once. @default 3 */
  readonly maxRunners?: number;
  /** How job containers run. @default "dind" */
  readonly containerMode?: ContainerMode;
  /** The 1Password item holding the GitHub App credentials. @default "actions-runner-controller" */
  readonly githubAppItem?: string;
  /** The item's fields. @default the `GithubAppFields` defaults */
  readonly githubAppFields?: GithubAppFields;
  /** Namespace of the controller and the runners. @default "actions-runner-system" */
  readonly namespace?: string;
  /** Controller replicas. @default 1 */
  readonly replicas?: number;
}

export interface ResolvedActionsRunnerControllerOptions
  extends Required<Omit<ActionsRunnerControllerOptions, "githubAppFields">> {
  readonly githubAppFields: Required<GithubAppFields>;
}

export function resolveOptions(
  options: ActionsRunnerControllerOptions,
): ResolvedActionsRunnerControllerOptions {
  return {
    store: options.store,
    githubConfigUrl: options.githubConfigUrl,
    runnerScaleSetName: options.runnerScaleSetName ?? "arc-runner",
    minRunners: options.minRunners ?? 0,
    maxRunners: options.maxRunners ?? 3,
    containerMode: options.containerMode ?? "dind",
    githubAppItem: options.githubAppItem ?? "actions-runner-controller",
    githubAppFields: {
      appId: options.githubAppFields?.appId ?? "ACTIONS_RUNNER_APP_ID",
      installationId: options.githubAppFields?.installationId ?? "ACTIONS_RUNNER_INSTALLATION_ID",
      privateKey: options.githubAppFields?.privateKey ?? "ACTIONS_RUNNER_PRIVATE_KEY",
    },
    namespace: options.namespace ?? "actions-runner-system",
    replicas: options.replicas ?? 1,
  };
}
