import { type App, appRef, type Component, defineApp, helmApp, packageOf } from "@k8s-ops/core";
import { storeSecret } from "@k8s-ops/external-secrets";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { GITLAB_RUNNER_CHART } from "./charts.js";
import { checkRunnerOptions } from "./runner-checks.js";
import {
  type GitLabRunnerOptions,
  type ResolvedGitLabRunnerOptions,
  resolveRunnerOptions,
} from "./runner-options.js";
import { jobRole, jobRoleBinding, RUNNER_SERVICE_ACCOUNT } from "./runner-rbac.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

const NAME = "gitlab-runner";

export interface GitLabRunner extends Component {
  /** The namespace CI job pods run in. */
  readonly jobNamespace: string;
}

/**
 * GitLab Runner with the Kubernetes executor: the manager (its authentication token from the secret store, non-root)
 * in one namespace, the job pods in another, where a Role grants the manager what the executor needs and nothing
 * else. The runner starts after the GitLab it serves when that GitLab runs in the same cluster.
 */
export function gitlabRunner(options: GitLabRunnerOptions): GitLabRunner {
  const o = resolveRunnerOptions(options);
  checkRunnerOptions(o);
  const jobs = defineApp({
    name: `${NAME}-jobs`,
    namespace: o.jobNamespace,
    layer: "platform",
    objects: [jobRole(), jobRoleBinding(o)],
    // Jobs run arbitrary images, so not `restricted`; never privileged.
    namespaceLabels: { "pod-security.kubernetes.io/enforce": "baseline" },
  });
  return { name: NAME, source: SOURCE, apps: [jobs, runnerApp(o, jobs)], jobNamespace: o.jobNamespace };
}

function runnerApp(o: ResolvedGitLabRunnerOptions, jobs: App): App {
  const token = storeSecret({
    name: `${NAME}-token`,
    store: o.store,
    item: o.item,
    // The chart reads both keys; an authentication token registers nothing, so the registration token is empty.
    template: { "runner-registration-token": "", "runner-token": `{{ .${o.tokenField} }}` },
  });
  const serviceAccount = new ServiceAccount({ metadata: { name: RUNNER_SERVICE_ACCOUNT } });
  return helmApp({
    name: NAME,
    namespace: o.namespace,
    layer: "platform",
    chart: GITLAB_RUNNER_CHART,
    values: runnerValues(o, token.secretName),
    objects: [token.object, serviceAccount],
    uses: [...token.uses, appRef(jobs), ...(o.gitlab.app ? [o.gitlab.app] : [])],
  });
}

export function runnerValues(o: ResolvedGitLabRunnerOptions, tokenSecret: string): Record<string, unknown> {
  return {
    concurrent: o.concurrent,
    gitlabUrl: o.gitlab.url,
    podSecurityContext: {
      fsGroup: 65533,
      runAsNonRoot: true,
      runAsUser: 100,
      seccompProfile: { type: "RuntimeDefault" },
    },
    // The Role lives in the job namespace (jobRole); the chart's own would grant rights beside the token.
    rbac: { create: false },
    runners: { config: runnerConfig(o), secret: tokenSecret },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      privileged: false,
      readOnlyRootFilesystem: false,
      runAsNonRoot: true,
    },
    serviceAccount: { create: false, name: RUNNER_SERVICE_ACCOUNT },
  };
}

/** The `config.toml` template: the Kubernetes executor, jobs in their own namespace, never privileged. */
export function runnerConfig(o: ResolvedGitLabRunnerOptions): string {
  const lines = [
    "[[runners]]",
    "  [runners.kubernetes]",
    `    namespace = ${JSON.stringify(o.jobNamespace)}`,
    `    image = ${JSON.stringify(o.jobImage)}`,
    "    privileged = false",
    "    allow_privilege_escalation = false",
  ];
  if (o.jobUser !== undefined)
    lines.push(
      "    [runners.kubernetes.pod_security_context]",
      "      run_as_non_root = true",
      `      run_as_user = ${o.jobUser}`,
    );
  return `${lines.join("\n")}\n`;
}
