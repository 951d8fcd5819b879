export {
  DEFAULT_JOB_IMAGE,
  GITLAB_CHART,
  GITLAB_CHARTS_REPOSITORY,
  GITLAB_POSTGRES_IMAGE,
  GITLAB_RUNNER_CHART,
} from "./charts.js";
export { GITLAB_SERVICES, type GitLab, type GitLabServer, gitlab } from "./gitlab.js";
export type { GitLabObjectStorageOptions, GitLabOptions, GitLabSshOptions } from "./options.js";
export { type GitLabRunner, gitlabRunner } from "./runner.js";
export type { GitLabRunnerOptions } from "./runner-options.js";
export { RUNNER_SERVICE_ACCOUNT } from "./runner-rbac.js";
