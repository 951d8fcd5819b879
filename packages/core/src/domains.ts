/**
 * Checks of the domain names and email addresses builders take as options. Either may hold Flux substitutions
 * such as `${SECRET_DOMAIN}`: Flux fills them in when it applies the objects, and validation checks that the
 * cluster declares each variable, so here a variable stands for a name of any number of labels.
 */

/** A Flux substitution such as `${SECRET_DOMAIN}`. */
const VARIABLE = /\$\{[_a-zA-Z][_a-zA-Z0-9]*\}/g;
const ONLY_VARIABLE = /^\$\{[_a-zA-Z][_a-zA-Z0-9]*\}$/;
/** Two or more DNS-1123 labels, 253 characters at most. */
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The value with each `${VAR}` replaced by a placeholder name, to check the shape around the variables. */
function withoutVariables(value: string): string {
  return value.replace(VARIABLE, "x.x");
}

/**
 * A domain name of at least two labels, lowercase, such as `example.com`, `k8s.${SECRET_DOMAIN}` or
 * `${SECRET_DOMAIN}`. Not a wildcard: strip a leading `*.` first where one is allowed.
 */
export function isDomainName(value: string): boolean {
  return ONLY_VARIABLE.test(value) || DNS_NAME.test(withoutVariables(value));
}

/** An email address such as `ops@example.com`, `ops@${SECRET_DOMAIN}` or `${SECRET_ACME_EMAIL}`. */
export function isEmailAddress(value: string): boolean {
  return ONLY_VARIABLE.test(value) || EMAIL.test(withoutVariables(value));
}
