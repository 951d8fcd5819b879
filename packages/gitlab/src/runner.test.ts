import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  DEFAULT_JOB_IMAGE,
  GITLAB_RUNNER_CHART,
  gitlab,
  gitlabRunner,
  RUNNER_SERVICE_ACCOUNT,
} from "./index.js";
import { base, providers, runnerBase, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });
const inCluster = gitlab(base);

type Ks = { metadata: { name: string }; spec: Record<string, unknown> };

function runnerKs(runner: ReturnType<typeof gitlabRunner>): Record<string, unknown> | undefined {
  const files = renderComponents([...providers, inCluster, runner], settings).files;
  const [ks] = parseAllDocuments(files.get("apps/gitlab-runner/gitlab-runner/ks.yaml") ?? "").map(
    (d) => d.toJS() as Ks,
  );
  return ks?.spec;
}

function config(runner: ReturnType<typeof gitlabRunner>): string {
  return (helmValues(appOf(runner, "gitlab-runner")).runners as { config: string }).config;
}

describe("gitlabRunner", () => {
  it("renders the README example: a runner for the cluster's GitLab", async () => {
    // GIVEN the README example: the GitLab of the same cluster (`gl`) and the secret store
    const gl = inCluster;
    // RUNNER:start
    const runner = gitlabRunner({ store: secrets.secretStore, gitlab: gl.server });
    // RUNNER:end
    // WHEN rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(runner, settings, [...providers, gl]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/gitlab-runner.default.yaml");
    expect(readmeShows(README, fileURLToPath(import.meta.url), "RUNNER")).toBe(true);
    expect(runner.jobNamespace).toBe("gitlab-runner-jobs");
  });

  it("installs the runner chart of GitLab 18.8 from GitLab's Helm repository", () => {
    // GIVEN the component WHEN built THEN the release's chartRef names the HelmChart of gitlab-runner 0.85.0
    expect(GITLAB_RUNNER_CHART).toEqual({
      repository: "https://charts.gitlab.io",
      chart: "gitlab-runner",
      version: "0.85.0",
    });
    expect(objectsOf(appOf(gitlabRunner(runnerBase), "gitlab-runner"), "HelmRelease")[0]?.spec).toMatchObject(
      {
        chartRef: { kind: "HelmChart", name: "gitlab-runner" },
      },
    );
  });

  it("starts after the GitLab of the same cluster, and after the job namespace's Role", () => {
    // GIVEN the in-cluster GitLab THEN the runner depends on it
    expect(runnerKs(gitlabRunner({ ...runnerBase, gitlab: inCluster.server }))?.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "gitlab-runner-jobs", namespace: "gitlab-runner-jobs" },
      { name: "gitlab", namespace: "gitlab" },
    ]);
    // GIVEN a GitLab outside the cluster THEN it depends on nothing of GitLab's
    expect(runnerKs(gitlabRunner(runnerBase))?.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "gitlab-runner-jobs", namespace: "gitlab-runner-jobs" },
    ]);
  });

  it("runs the manager as non-root with its own ServiceAccount and the token from the secret store", () => {
    // GIVEN the component WHEN built
    const app = appOf(gitlabRunner(runnerBase), "gitlab-runner");
    const values = helmValues(app);
    // THEN
    expect(values).toMatchObject({
      concurrent: 10,
      gitlabUrl: "https://gitlab.example.com",
      podSecurityContext: { runAsNonRoot: true, runAsUser: 100, seccompProfile: { type: "RuntimeDefault" } },
      rbac: { create: false },
      runners: { secret: "gitlab-runner-token-secret" },
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
        runAsNonRoot: true,
      },
      serviceAccount: { create: false, name: RUNNER_SERVICE_ACCOUNT },
    });
    expect(objectsOf(app, "ServiceAccount")[0]?.metadata).toEqual({ name: "gitlab-runner" });
    expect(objectsOf(app, "ExternalSecret")[0]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "gitlab-runner" } }],
      target: {
        name: "gitlab-runner-token-secret",
        template: { data: { "runner-registration-token": "", "runner-token": "{{ .RUNNER_TOKEN }}" } },
      },
    });
  });

  it("runs jobs in their own namespace, where a Role grants the manager what the executor needs", () => {
    // GIVEN the component WHEN built
    const runner = gitlabRunner(runnerBase);
    const jobs = appOf(runner, "gitlab-runner-jobs");
    // THEN the executor config targets the job namespace, unprivileged
    expect(config(runner)).toBe(
      [
        "[[runners]]",
        "  [runners.kubernetes]",
        '    namespace = "gitlab-runner-jobs"',
        `    image = "${DEFAULT_JOB_IMAGE}"`,
        "    privileged = false",
        "    allow_privilege_escalation = false",
        "",
      ].join("\n"),
    );
    // AND the Role there is bound to the manager's ServiceAccount in the runner namespace
    expect(jobs.namespace).toBe("gitlab-runner-jobs");
    expect(jobs.namespaceLabels).toEqual({ "pod-security.kubernetes.io/enforce": "baseline" });
    const [role] = objectsOf(jobs, "Role");
    expect(role?.rules).toContainEqual({
      apiGroups: [""],
      resources: ["pods/exec"],
      verbs: ["create", "delete", "get", "patch"],
    });
    expect(objectsOf(jobs, "RoleBinding")[0]).toMatchObject({
      roleRef: { kind: "Role", name: "gitlab-runner-executor" },
      subjects: [{ kind: "ServiceAccount", name: "gitlab-runner", namespace: "gitlab-runner" }],
    });
  });

  it("sets concurrency, job image and user, item, token field and namespaces", () => {
    // GIVEN every option changed
    const runner = gitlabRunner({
      ...runnerBase,
      concurrent: 4,
      jobImage: "alpine:3.22",
      jobUser: 1000,
      item: "ci-runner",
      tokenField: "TOKEN",
      namespace: "ci",
      jobNamespace: "ci-jobs",
    });
    // THEN
    const app = appOf(runner, "gitlab-runner");
    expect(app.namespace).toBe("ci");
    expect(helmValues(app).concurrent).toBe(4);
    expect(config(runner)).toContain('    namespace = "ci-jobs"\n    image = "alpine:3.22"\n');
    expect(config(runner)).toContain(
      "    [runners.kubernetes.pod_security_context]\n      run_as_non_root = true\n      run_as_user = 1000\n",
    );
    expect(objectsOf(app, "ExternalSecret")[0]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "ci-runner" } }],
      target: { template: { data: { "runner-token": "{{ .TOKEN }}" } } },
    });
    const jobs = appOf(runner, "gitlab-runner-jobs");
    expect(jobs.namespace).toBe("ci-jobs");
    expect(objectsOf(jobs, "RoleBinding")[0]).toMatchObject({ subjects: [{ namespace: "ci" }] });
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error the GitLab is a server (`gitlab(...).server` or `{ url }`), not a URL string
      () => gitlabRunner({ ...runnerBase, gitlab: "https://gitlab.example.com" }),
      // @ts-expect-error the store must be a SecretStoreRef, not a name
      () => gitlabRunner({ ...runnerBase, store: "onepassword-connect" }),
      // @ts-expect-error unknown option: registration tokens are not supported
      () => gitlabRunner({ ...runnerBase, registrationToken: "GR1348941" }),
    ];
    expect(rejected).toHaveLength(3);
  });
});
