import { type ClusterIssuerRef, isDomainName, OptionError } from "@k8s-ops/core";
import { Certificate } from "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate";

export interface CertificateOptions {
  /** Name of the Certificate. */
  readonly name: string;
  /** The issuer, from the cert-manager component's `issuers` (e.g. `certs.issuers.production`). */
  readonly issuer: ClusterIssuerRef;
  /** The names the certificate covers, e.g. `["${SECRET_DOMAIN}", "*.${SECRET_DOMAIN}"]`. */
  readonly dnsNames: readonly string[];
  /** The Secret the certificate and key are stored in. @default `<name>-tls` */
  readonly secretName?: string;
}

/** A Certificate and the `uses` its app must declare, so it waits for a ready issuer. */
export interface IssuedCertificate {
  readonly object: Certificate;
  readonly uses: readonly [ClusterIssuerRef];
  readonly secretName: string;
}

/** A Certificate from one of the cluster's ClusterIssuers, taken by reference. */
export function certificate(options: CertificateOptions): IssuedCertificate {
  const wildcard = (name: string) => (name.startsWith("*.") ? name.slice(2) : name);
  const bad = options.dnsNames.find((name) => !isDomainName(wildcard(name)));
  if (options.dnsNames.length === 0 || bad !== undefined) {
    throw new OptionError({
      path: `certificate(${options.name}): dnsNames`,
      message: bad === undefined ? "a certificate needs at least one name" : "not a DNS name",
      expected: "DNS names such as example.com, *.example.com or ${SECRET_DOMAIN}",
      found: JSON.stringify(bad ?? options.dnsNames),
    });
  }
  const secretName = options.secretName ?? `${options.name}-tls`;
  const object = new Certificate({
    metadata: { name: options.name },
    spec: {
      dnsNames: [...options.dnsNames],
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: options.issuer.name },
      secretName,
    },
  });
  return { object, uses: [options.issuer], secretName };
}
