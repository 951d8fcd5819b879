import { OptionError } from "@k8s-ops/core";
import {
  type FluxSecret,
  type ResolvedFluxOptions,
  type ResolvedNotifications,
  secretNameOf,
} from "./options.js";

const GIT_URL = /^(https|ssh):\/\/[^\s/]+\/\S+$/;
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
const VERSION = /^2\.(x|[0-9]+\.(x|[0-9]+)|[0-9]+\.x)$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function fail(option: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `flux: ${option}`, message, expected, found });
}

export function checkOptions(o: ResolvedFluxOptions): void {
  for (const option of ["url", "path"] as const) {
    if (typeof o[option] !== "string") fail(option, "the option is required", "a string", String(o[option]));
  }
  if (!GIT_URL.test(o.url)) {
    fail(
      "url",
      "the sync URL is not a Git repository URL",
      "https://host/owner/repo or ssh://git@host/owner/repo",
      o.url,
    );
  }
  if (!BRANCH.test(o.branch) || o.branch.includes("..") || o.branch.endsWith("/")) {
    fail("branch", "not a branch name", "a branch such as main or release/infra", o.branch);
  }
  if (!PATH.test(o.path) || o.path.split("/").some((segment) => segment === "." || segment === "..")) {
    fail(
      "path",
      "the sync path must be relative to the repository root",
      "a path such as clusters/infra/flux",
      o.path,
    );
  }
  if (!VERSION.test(o.version)) {
    fail("version", "not a Flux 2 distribution version", "2.x, 2.<minor>.x or 2.<minor>.<patch>", o.version);
  }
  if (!Number.isInteger(o.concurrency) || o.concurrency < 1) {
    fail("concurrency", "controllers need at least one worker", "an integer ≥ 1", String(o.concurrency));
  }
  checkAddons(o);
  for (const [option, name] of secretNames(o)) {
    if (!NAME.test(name)) fail(option, "not a Secret name", "a DNS label such as sops-age", name);
  }
  if (o.notifications) checkNotifications(o.notifications);
}

function secretNames(o: ResolvedFluxOptions): [string, string][] {
  const names: [string, string | undefined][] = [
    ["sopsAgeSecret", o.sopsAgeSecret],
    ["pullSecret", o.pullSecret],
    ["notifications.secret", o.notifications?.secret && secretNameOf(o.notifications.secret)],
    ["receiver.secret", o.receiver?.secret && secretNameOf(o.receiver.secret)],
  ];
  return names.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** The Secrets and the route the notifications stage takes from other packages' builders. */
function checkAddons(o: ResolvedFluxOptions): void {
  if (o.notifications?.secret !== undefined) checkSecret("notifications.secret", o.notifications.secret);
  if (o.receiver) checkSecret("receiver.secret", o.receiver.secret);
  const route: unknown = o.receiver?.route;
  if (route !== undefined && typeof route !== "function") {
    fail(
      "receiver.route",
      "not a route to the webhook Service",
      "a function of the Service, such as (service) => httpRoute({ …, service })",
      JSON.stringify(route),
    );
  }
}

/** A name, or a Secret deployed with the notifications: its object and what its stage uses. */
function checkSecret(option: string, secret: FluxSecret | undefined): void {
  if (typeof secret === "string") return;
  if (typeof secret !== "object" || typeof secret.object !== "object" || !Array.isArray(secret.uses)) {
    fail(
      option,
      "not a Secret the notifications can read",
      "a Secret name, or a deployed Secret such as storeSecret() returns",
      JSON.stringify(secret) ?? "undefined",
    );
  }
}

function checkNotifications(n: ResolvedNotifications): void {
  if (n.address === undefined && n.secret === undefined) {
    fail(
      "notifications",
      `a ${n.type} Provider needs somewhere to send events`,
      "address, or a secret with an address key",
      "neither",
    );
  }
  if (n.namespaces.length === 0) {
    fail("notifications.namespaces", "the Alert would watch no namespace", "at least one namespace", "[]");
  }
  const invalid = [n.name, ...n.namespaces].find((name) => !NAME.test(name));
  if (invalid !== undefined) {
    fail("notifications", "not a valid name or namespace", "DNS labels such as flux-system", invalid);
  }
}
