/** The Git repository both clusters' Flux syncs this tree from. Change it to the repository you push it to. */
export const GIT_REPOSITORY = "https://github.com/k8s-ops/k8s-ops";
