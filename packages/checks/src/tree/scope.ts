/** Which kinds live outside namespaces, and the API group of an apiVersion: core knows both. */
export { apiGroup as groupOf, isClusterScoped } from "@k8s-ops/core";
