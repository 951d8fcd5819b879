/**
 * The external-dns `DNSEndpoint` (externaldns.k8s.io/v1alpha1), typed by hand for the fields set here: the generated
 * model lives in `@k8s-ops/crds`, which is not a dependency of this package. `validate()` checks what external-dns
 * needs to publish a record and reports it the way schema validation does.
 */
import type { KubeObject } from "@k8s-ops/core";
import { Model, type ModelData } from "@kubernetes-models/base";

/** One record external-dns publishes. */
export interface DnsRecord {
  readonly dnsName: string;
  readonly recordType: "A" | "AAAA" | "CNAME" | "TXT";
  readonly targets: readonly string[];
  /** Provider settings, e.g. `external-dns.alpha.kubernetes.io/cloudflare-proxied`. */
  readonly providerSpecific?: readonly { readonly name: string; readonly value: string }[];
}

export interface IDNSEndpoint {
  apiVersion: "externaldns.k8s.io/v1alpha1";
  kind: "DNSEndpoint";
  metadata?: KubeObject["metadata"];
  spec?: { endpoints: readonly DnsRecord[] };
}

interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message: string;
  readonly params: Record<string, unknown>;
}

class DnsEndpointValidationError extends Error {
  override name = "DnsEndpointValidationError";
  readonly errors: readonly SchemaError[];

  constructor(errors: readonly SchemaError[]) {
    super(`DNSEndpoint is invalid: ${errors.map((e) => `${e.instancePath} ${e.message}`).join("; ")}`);
    this.errors = errors;
  }
}

/** Records for external-dns' `crd` source: each needs a name, a type and at least one target. */
export class DNSEndpoint extends Model<IDNSEndpoint> implements IDNSEndpoint {
  static apiVersion: IDNSEndpoint["apiVersion"] = "externaldns.k8s.io/v1alpha1";
  static kind: IDNSEndpoint["kind"] = "DNSEndpoint";
  apiVersion: IDNSEndpoint["apiVersion"];
  kind: IDNSEndpoint["kind"];
  metadata?: IDNSEndpoint["metadata"];
  spec?: IDNSEndpoint["spec"];

  constructor(data: ModelData<IDNSEndpoint>) {
    super();
    this.apiVersion = DNSEndpoint.apiVersion;
    this.kind = DNSEndpoint.kind;
    this.setDefinedProps(data);
  }

  override validate(): void {
    const errors: SchemaError[] = [];
    if (!this.metadata?.name) errors.push(required("/metadata", "name"));
    (this.spec?.endpoints ?? []).forEach((record, i) => {
      for (const field of ["dnsName", "recordType"] as const) {
        if (!record[field]) errors.push(required(`/spec/endpoints/${i}`, field));
      }
      if (record.targets.length === 0) errors.push(minItems(`/spec/endpoints/${i}/targets`));
    });
    if (errors.length > 0) throw new DnsEndpointValidationError(errors);
  }
}

function required(instancePath: string, field: string): SchemaError {
  const message = `must have required property '${field}'`;
  return { instancePath, keyword: "required", message, params: { missingProperty: field } };
}

function minItems(instancePath: string): SchemaError {
  const message = "must NOT have fewer than 1 items";
  return { instancePath, keyword: "minItems", message, params: { comparison: ">=", limit: 1 } };
}
