export { type NetworkPolicies, networkPolicies } from "./network-policies.js";
export { DEFAULT_EGRESS, type EgressTarget, type NetworkPoliciesOptions } from "./options.js";
export { ENVOY_PROXY_LABELS, NAMESPACE_LABEL } from "./selectors.js";
