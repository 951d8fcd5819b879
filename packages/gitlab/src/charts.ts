import type { RepositoryChartSource } from "@k8s-ops/core";

/** GitLab publishes its charts only to this HTTPS Helm repository (no OCI registry). */
export const GITLAB_CHARTS_REPOSITORY = "https://charts.gitlab.io";

/** The `gitlab` chart: 9.8.x installs GitLab 18.8. */
export const GITLAB_CHART: RepositoryChartSource = {
  repository: GITLAB_CHARTS_REPOSITORY,
  chart: "gitlab",
  // renovate: datasource=helm depName=gitlab registryUrl=https://charts.gitlab.io
  version: "9.8.3",
};

/**
 * The `gitlab-runner` chart: 0.85.x ships GitLab Runner 18.8, the runner release of GitLab 18.8 (the gitlab chart
 * 9.8 bundles the same version as its runner subchart).
 */
export const GITLAB_RUNNER_CHART: RepositoryChartSource = {
  repository: GITLAB_CHARTS_REPOSITORY,
  chart: "gitlab-runner",
  // renovate: datasource=helm depName=gitlab-runner registryUrl=https://charts.gitlab.io
  version: "0.85.0",
};

/**
 * The PostgreSQL image of GitLab's database: GitLab 18 supports PostgreSQL 16 and 17, not 18, so the major is held
 * at 17 (the versioning regex keeps Renovate on 17.x).
 */
// renovate: datasource=docker depName=ghcr.io/cloudnative-pg/postgresql versioning=regex:^(?<major>17)\.(?<minor>\d+)-standard-(?<compatibility>trixie)$
const POSTGRES_17_TAG = "17.11-standard-trixie";

export const GITLAB_POSTGRES_IMAGE = `ghcr.io/cloudnative-pg/postgresql:${POSTGRES_17_TAG}`;

/** The image CI jobs run in when their `.gitlab-ci.yml` names none. */
// renovate: datasource=docker depName=ubuntu
const JOB_IMAGE_TAG = "24.04";

export const DEFAULT_JOB_IMAGE = `ubuntu:${JOB_IMAGE_TAG}`;
