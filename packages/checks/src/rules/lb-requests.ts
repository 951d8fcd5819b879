import { isObject, type Json, str } from "../tree/documents.js";
import type { TreeObject } from "../tree/model.js";

/** The annotation asking Cilium LB IPAM for given addresses, comma-separated. */
export const LBIPAM_IPS = "lbipam.cilium.io/ips";
/** Services carrying the same sharing key may share an address. */
export const LBIPAM_SHARING_KEY = "lbipam.cilium.io/sharing-key";

/** A LoadBalancer address an object asks for, for itself or for the Service it makes. */
export interface AddressRequest {
  readonly object: TreeObject;
  /** Dotted path of the field holding the address. */
  readonly field: string;
  readonly address: string;
  /** The `lbipam.cilium.io/sharing-key` beside the request, if any. */
  readonly sharingKey?: string;
}

/**
 * The addresses an object requests, wherever it keeps them: the `lbipam.cilium.io/ips` annotation of a Service, or
 * the annotations an object passes on to the Service it makes (an EnvoyProxy's `envoyService`, a Gateway's
 * `infrastructure`, a VictoriaMetrics `serviceSpec`, chart values), and `loadBalancerIP` (a Service's spec, chart
 * values). Values Flux has yet to substitute (`${VAR}`) are left out; a Service that is not Cilium's LoadBalancer
 * gets no address from LB IPAM, so its requests are too.
 */
export function addressRequests(object: TreeObject): AddressRequest[] {
  if (object.kind === "Service" && !isCiliumLoadBalancer(object.json)) return [];
  const requests: AddressRequest[] = [];
  walk(object.json, "", (map, key, field) => {
    const value = str(map[key]);
    if (value === undefined || value.includes("${")) return;
    const sharingKey = sharingKeyOf(object, map, key);
    const addresses = key === LBIPAM_IPS ? value.split(",") : [value];
    for (const address of addresses.map((a) => a.trim()).filter((a) => a !== ""))
      requests.push({ object, field, address, ...(sharingKey ? { sharingKey } : {}) });
  });
  return requests;
}

/** LB IPAM serves Services of type LoadBalancer without a class or with one of Cilium's. */
function isCiliumLoadBalancer(service: Json): boolean {
  const spec = isObject(service.spec) ? service.spec : {};
  const lbClass = str(spec.loadBalancerClass);
  return spec.type === "LoadBalancer" && (lbClass === undefined || lbClass.startsWith("io.cilium/"));
}

/** The sharing key in the annotations holding the request, or in a Service's own annotations. */
function sharingKeyOf(object: TreeObject, map: Json, key: string): string | undefined {
  if (key === LBIPAM_IPS) return str(map[LBIPAM_SHARING_KEY]);
  const metadata = object.kind === "Service" ? object.json.metadata : undefined;
  const annotations = isObject(metadata) ? metadata.annotations : map.annotations;
  return isObject(annotations) ? str(annotations[LBIPAM_SHARING_KEY]) : undefined;
}

type Visit = (map: Json, key: string, field: string) => void;

/** Calls `visit` for every `lbipam.cilium.io/ips` and `loadBalancerIP` key, at any depth. */
function walk(value: unknown, path: string, visit: Visit): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, join(path, String(index)), visit);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === LBIPAM_IPS || key === "loadBalancerIP") visit(value, key, join(path, key));
    else walk(child, join(path, key), visit);
  }
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
