import { isDomainName, OptionError } from "@k8s-ops/core";
import type { ResolvedOptions } from "./options.js";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

type Fail = (field: string, message: string, expected: string, found: string) => never;

/** Throws an OptionError for the first option the chart or the add-ons cannot take. */
export function checkOptions(o: ResolvedOptions): void {
  const fail: Fail = (field, message, expected, found) => {
    throw new OptionError({ path: `appTemplate(${o.name}): ${field}`, message, expected, found });
  };
  if (!LABEL.test(o.name) || o.name.length > 40)
    fail(
      "name",
      "not a DNS label",
      "lowercase letters, digits and '-', at most 40 characters",
      JSON.stringify(o.name),
    );
  checkImage(o, fail);
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535)
    fail("port", "not a port number", "an integer in 1..65535", String(o.port));
  if (o.route !== undefined) {
    if (o.route.gateway === undefined)
      fail(
        "route.gateway",
        "a route needs a gateway",
        "a GatewayRef from envoyGateway(…).gateways",
        "undefined",
      );
    if (!isDomainName(o.route.hostname))
      fail(
        "route.hostname",
        "not a host name",
        "a host name such as app.${SECRET_DOMAIN}",
        JSON.stringify(o.route.hostname),
      );
  }
  for (const [name, volume] of Object.entries(o.persistence)) {
    if (!LABEL.test(name))
      fail(
        `persistence.${name}`,
        "not a DNS label",
        "lowercase letters, digits and '-'",
        JSON.stringify(name),
      );
    if (!volume.mountPath.startsWith("/"))
      fail(
        `persistence.${name}.mountPath`,
        "not an absolute path",
        "a path such as /data",
        JSON.stringify(volume.mountPath),
      );
  }
  checkAddons(o, fail);
}

function checkImage(o: ResolvedOptions, fail: Fail): void {
  const { image } = o;
  if (image.tag === "" || image.tag === "latest")
    fail(
      "image.tag",
      "the image needs a version tag",
      "a tag such as 1.2.3 (not latest)",
      JSON.stringify(image.tag),
    );
  if (image.digest === undefined || !DIGEST.test(image.digest))
    fail(
      "image.digest",
      "the image is not pinned by digest",
      "sha256: and 64 hex digits, as the registry reports it",
      JSON.stringify(image.digest ?? null),
    );
}

function checkAddons(o: ResolvedOptions, fail: Fail): void {
  const { backup, gatus } = o.addons;
  if (gatus !== undefined && o.route === undefined)
    fail("addons.gatus", "a Gatus check needs a route to check", "a route option", "no route");
  if (backup !== undefined) {
    const volume = o.persistence[backup.volume];
    if (volume === undefined || !("pvc" in volume))
      fail(
        "addons.backup.volume",
        "not a pvc volume of the app",
        `one of: ${pvcNames(o).join(", ") || "(no pvc volumes)"}`,
        JSON.stringify(backup.volume),
      );
  }
  const metrics = o.addons.metrics;
  if (metrics !== undefined && (!Number.isInteger(metrics.port) || metrics.port < 1 || metrics.port > 65535))
    fail("addons.metrics.port", "not a port number", "an integer in 1..65535", String(metrics.port));
}

function pvcNames(o: ResolvedOptions): string[] {
  return Object.entries(o.persistence)
    .filter(([, v]) => "pvc" in v)
    .map(([k]) => k);
}
