import type { Finding } from "../errors.js";

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Helm refuses release names longer than this. */
export const MAX_RELEASE_NAME = 53;

export function subdomainFinding(path: string, name: string): Finding | undefined {
  if (name.length <= 253 && DNS_SUBDOMAIN.test(name)) return undefined;
  return {
    code: "INVALID_NAME",
    path,
    message: "name is not a valid DNS-1123 subdomain",
    expected: "≤ 253 characters of [a-z0-9-.], starting and ending alphanumeric",
    found: JSON.stringify(name),
  };
}

export function labelFinding(path: string, name: string): Finding | undefined {
  if (name.length <= 63 && DNS_LABEL.test(name)) return undefined;
  return {
    code: "INVALID_NAME",
    path,
    message: "name is not a valid DNS-1123 label",
    expected: "≤ 63 characters of [a-z0-9-], starting and ending alphanumeric",
    found: JSON.stringify(name),
  };
}

/** Helm allows 53 characters; Flux would shorten a longer name with a hash, renaming (reinstalling) the release. */
export function releaseNameFinding(path: string, releaseName: string): Finding | undefined {
  if (releaseName.length <= MAX_RELEASE_NAME) return undefined;
  return {
    code: "RELEASE_NAME_TOO_LONG",
    path: `${path}: spec.releaseName`,
    message: "Helm release name is too long; set a shorter releaseName",
    expected: `≤ ${MAX_RELEASE_NAME} characters`,
    found: `${releaseName.length} characters (${releaseName})`,
  };
}
