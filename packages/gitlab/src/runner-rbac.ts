import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import type { ResolvedGitLabRunnerOptions } from "./runner-options.js";

const ROLE = "gitlab-runner-executor";

/** The runner manager's ServiceAccount (in the runner's namespace): the subject of the job namespace's Role. */
export const RUNNER_SERVICE_ACCOUNT = "gitlab-runner";

/**
 * What the Kubernetes executor needs in the job namespace, as GitLab Runner's documentation lists it ("Configure
 * runner API permissions"), without `namespaces` (only for `namespace_per_job`, which is not used).
 */
export function jobRole(): Role {
  return new Role({
    metadata: { name: ROLE },
    rules: [
      { apiGroups: [""], resources: ["events"], verbs: ["list", "watch"] },
      { apiGroups: [""], resources: ["pods"], verbs: ["create", "delete", "get", "list", "watch"] },
      { apiGroups: [""], resources: ["pods/attach"], verbs: ["create", "delete", "get", "patch"] },
      { apiGroups: [""], resources: ["pods/exec"], verbs: ["create", "delete", "get", "patch"] },
      { apiGroups: [""], resources: ["pods/log"], verbs: ["get", "list"] },
      { apiGroups: [""], resources: ["secrets"], verbs: ["create", "delete", "get", "update"] },
      { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["get"] },
      { apiGroups: [""], resources: ["services"], verbs: ["create", "get"] },
    ],
  });
}

/** Binds the Role to the runner manager's ServiceAccount, in the runner's namespace. */
export function jobRoleBinding(o: ResolvedGitLabRunnerOptions): RoleBinding {
  return new RoleBinding({
    metadata: { name: ROLE },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: ROLE },
    subjects: [{ kind: "ServiceAccount", name: RUNNER_SERVICE_ACCOUNT, namespace: o.namespace }],
  });
}
