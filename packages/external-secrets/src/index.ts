export {
  type ExternalSecretOptions,
  externalSecret,
  type StoreSecret,
  storeSecret,
} from "./external-secret.js";
export {
  CREDENTIALS_KEY,
  EXTERNAL_SECRETS_CHART,
  EXTERNAL_SECRETS_CRDS,
  type ExternalSecrets,
  externalSecrets,
  ONEPASSWORD_CONNECT_CHART,
} from "./external-secrets.js";
export { checkItemOptions, type ItemOptions } from "./item-options.js";
export type { ExternalSecretsOptions } from "./options.js";
export { SECRET_STORE_HEALTH, STORE_NAME, TOKEN_KEY } from "./store.js";
