export { type EnvoyGateway, envoyGateway, GATEWAY_HEALTH } from "./envoy-gateway.js";
export {
  CERTIFICATE_NAME,
  CONTROLLER_NAME,
  DNS_TARGET,
  GATEWAY_CLASS,
  GATEWAY_NAMES,
  type GatewayName,
  LBIPAM_IPS,
  TLS_SECRET,
} from "./gateways.js";
export type { EnvoyGatewayOptions, GatewayAddresses } from "./options.js";
export { type GatewayRoute, type HttpRouteOptions, httpRoute } from "./route.js";
