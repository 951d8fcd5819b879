export {
  CERT_MANAGER_CHART,
  CERT_MANAGER_CRDS,
  type CertManager,
  certManager,
} from "./cert-manager.js";
export { type CertificateOptions, certificate, type IssuedCertificate } from "./certificate.js";
export { CLUSTER_ISSUER_HEALTH, type IssuerName, type Issuers, LETSENCRYPT_SERVERS } from "./issuers.js";
export type { CertManagerOptions } from "./options.js";
