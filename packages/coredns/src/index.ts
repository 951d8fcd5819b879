export { COREDNS_CHART, type Coredns, clusterDnsIp, coredns } from "./coredns.js";
export type { CorednsOptions } from "./options.js";
export { COREDNS_IMAGE, KUBE_DNS } from "./values.js";
