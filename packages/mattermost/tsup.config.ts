export { default } from "@k8s-ops/config/tsup";
