export type { EnvVar, Toleration } from "../../kube.js";
export { type IPlan, Plan, type PlanSecret, type PlanSpec, type PlanUpgrade } from "./Plan.js";
