export {
  KEYCLOAK_CRDS,
  KEYCLOAK_HEALTH,
  KEYCLOAK_HTTP_PORT,
  type KeycloakComponent,
  keycloak,
} from "./keycloak.js";
export type { KeycloakOptions, RealmRepresentation } from "./options.js";
