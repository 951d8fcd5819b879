import type { SecretStoreRef } from "@k8s-ops/core";
import { DEFAULT_JOB_IMAGE } from "./charts.js";
import type { GitLabServer } from "./gitlab.js";

export interface GitLabRunnerOptions {
  /** The store the runner's authentication token is read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /**
   * The GitLab the runner takes jobs from: `gitlab(...).server` when it runs in this cluster (the runner then starts
   * after it), or `{ url }` for another instance.
   */
  readonly gitlab: GitLabServer;
  /**
   * The 1Password item with the runner authentication token (`glrt-…`) of a runner created in GitLab (Admin area,
   * group or project CI/CD settings). @default "gitlab-runner"
   */
  readonly item?: string;
  /** The item's field with the token. @default "RUNNER_TOKEN" */
  readonly tokenField?: string;
  /** Jobs run at the same time at most (`concurrent`). @default 10 */
  readonly concurrent?: number;
  /** The image of jobs whose `.gitlab-ci.yml` names none. @default DEFAULT_JOB_IMAGE (`ubuntu:24.04`) */
  readonly jobImage?: string;
  /**
   * Run every job container as this user, never as root (`pod_security_context`). Job images built to run as root
   * then fail. @default none: jobs run as their image's user, never privileged, without privilege escalation
   */
  readonly jobUser?: number;
  /** Namespace of the runner (the manager, which holds the token). @default "gitlab-runner" */
  readonly namespace?: string;
  /** Namespace the job pods run in, apart from the manager and its token. @default "gitlab-runner-jobs" */
  readonly jobNamespace?: string;
}

export interface ResolvedGitLabRunnerOptions extends Required<Omit<GitLabRunnerOptions, "jobUser">> {
  readonly jobUser?: number;
}

export function resolveRunnerOptions(options: GitLabRunnerOptions): ResolvedGitLabRunnerOptions {
  return {
    store: options.store,
    gitlab: options.gitlab,
    item: options.item ?? "gitlab-runner",
    tokenField: options.tokenField ?? "RUNNER_TOKEN",
    concurrent: options.concurrent ?? 10,
    jobImage: options.jobImage ?? DEFAULT_JOB_IMAGE,
    jobUser: options.jobUser,
    namespace: options.namespace ?? "gitlab-runner",
    jobNamespace: options.jobNamespace ?? "gitlab-runner-jobs",
  };
}
