/** A DNS-1035 label: Kafka cluster, node pool and namespace names. */
export const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A lowercase RFC 1123 subdomain: KafkaTopic and KafkaUser names. */
export const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A Kubernetes quantity, e.g. `100Gi`. */
const QUANTITY = /^([0-9]+(\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** A positive Kubernetes quantity. */
export function isSize(value: string): boolean {
  const match = QUANTITY.exec(value);
  return match !== null && Number(match[1]) > 0;
}

/** A positive integer. */
export function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}
