export { type NetworkPolicies, networkPolicies } from "./network-policies.js";
export {
  type CidrPorts,
  DEFAULT_EGRESS,
  type EgressEntity,
  type EgressTarget,
  type EntityPorts,
  type IngressSource,
  type NetworkPoliciesOptions,
  type Port,
  type PortRange,
} from "./options.js";
export { ENVOY_PROXY_LABELS, NAMESPACE_LABEL } from "./selectors.js";
