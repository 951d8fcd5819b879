export {
  ENVOY_GATEWAY_CHART,
  ENVOY_GATEWAY_CRDS,
  GATEWAY_API_CHANNEL,
  GATEWAY_API_CRDS,
  GATEWAY_API_VERSION,
  type GatewayApiChannel,
  type GatewayApiCrds,
  gatewayApiCrds,
} from "./gateway-api.js";
