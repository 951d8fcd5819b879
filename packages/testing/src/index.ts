/**
 * @k8s-ops/testing: what the k8s-ops packages' tests share. Apps and Helm values of a component, the README
 * checks (the usage example is the one a test runs), the upstream chart values schemas, OptionError messages.
 */
export { appOf, helmValues, objectsOf } from "./apps.js";
export { optionMessage } from "./options.js";
export { codeShape, readmeExample, readmeShows, readmeYaml } from "./readme.js";
export { repositoryRoot, SCHEMAS_DIR, schemaPresent, valuesErrors } from "./schemas.js";
