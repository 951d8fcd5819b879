/**
 * @k8s-ops/testing: what the k8s-ops packages' tests share. Apps and Helm values of a component, the README
 * checks (the usage example is the one a test runs), the upstream chart values schemas, OptionError messages,
 * and stand-ins for the components and clusters a component is rendered beside.
 */
export { appOf, helmValues, objectsOf } from "./apps.js";
export { optionMessage } from "./options.js";
export { codeShape, readmeExample, readmeShows, readmeYaml } from "./readme.js";
export { repositoryRoot, SCHEMAS_DIR, schemaPresent, valuesErrors } from "./schemas.js";
export { PLATFORM_SETTINGS, SECRET_DOMAIN_SETTINGS } from "./settings.js";
export {
  type DatabaseAppStandIns,
  databaseAppStandIns,
  type GatewaysBuilderOptions,
  type PlatformStandIn,
  platformStandIn,
  type RouteStandIns,
  routeStandIns,
} from "./stand-in-sets.js";
export {
  cephBlockStandIn,
  certIssuersStandIn,
  certManagerStandIn,
  type GatewaysStandIn,
  gatewaysStandIn,
  type OperatorStandInOptions,
  operatorStandIn,
  type StorageStandIn,
  type StorageStandInOptions,
  storageStandIn,
  victoriaMetricsOperatorStandIn,
} from "./stand-ins.js";
