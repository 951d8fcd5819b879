/** A Flux substitution such as `${SECRET_DOMAIN}`; Flux fills it in, core checks the variable is declared. */
const VARIABLE = /\$\{[_a-zA-Z][_a-zA-Z0-9]*\}/g;
const ONLY_VARIABLE = /^\$\{[_a-zA-Z][_a-zA-Z0-9]*\}$/;
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The value with each `${VAR}` replaced by a placeholder label, to check the shape around the variables. */
function withoutVariables(value: string): string {
  return value.replace(VARIABLE, "x.x");
}

/** A DNS name with at least two labels such as `example.com`, `k8s.${SECRET_DOMAIN}` or `${SECRET_DOMAIN}`. */
export function isDomain(value: string): boolean {
  return ONLY_VARIABLE.test(value) || DNS_NAME.test(withoutVariables(value));
}

/** An email address such as `ops@example.com`, `ops@${SECRET_DOMAIN}` or `${SECRET_ACME_EMAIL}`. */
export function isEmail(value: string): boolean {
  return ONLY_VARIABLE.test(value) || EMAIL.test(withoutVariables(value));
}
