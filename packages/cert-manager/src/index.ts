export { CERT_MANAGER_CHART, CERT_MANAGER_CRDS, type CertManager, certManager } from "./cert-manager.js";
export type { CertManagerOptions } from "./options.js";
