import { checkItemOptions } from "@k8s-ops/external-secrets";
import { type AlertReceiver, NULL_RECEIVER, type ResolvedAlertingOptions } from "./alerting-options.js";
import { receiverKeys } from "./alertmanager.js";
import { checkCount, checkDuration, type Fail } from "./checks.js";

const RECEIVER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MATCHER = /^[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*".*"$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const RECEIVER_TYPES: readonly string[] = ["pushover", "discord", "webhook"];

/** Receivers named once and validly, their credential fields readable, every route pointing at a receiver. */
export function checkAlerting(fail: Fail, a: ResolvedAlertingOptions): void {
  const names = new Set<string>([NULL_RECEIVER]);
  for (const [index, receiver] of a.receivers.entries()) {
    checkReceiver(fail, `alerting.receivers.${index}`, receiver, names, a.item);
    names.add(receiver.name);
  }
  const known = [...names].join(", ");
  if (!names.has(a.receiver))
    fail("alerting.receiver", "no receiver has that name", `one of ${known}`, a.receiver);
  for (const [index, route] of a.routes.entries()) {
    const at = `alerting.routes.${index}`;
    if (!names.has(route.receiver))
      fail(`${at}.receiver`, "no receiver has that name", `one of ${known}`, route.receiver);
    if (route.matchers.length === 0)
      fail(
        `${at}.matchers`,
        "a route needs at least one matcher",
        'matchers such as severity="critical"',
        "[]",
      );
    const bad = route.matchers.find((matcher) => !MATCHER.test(matcher));
    if (bad !== undefined)
      fail(
        `${at}.matchers`,
        "not an Alertmanager matcher",
        'label, operator and quoted value, such as severity="critical"',
        JSON.stringify(bad),
      );
  }
  const label = a.groupBy.find((name) => !LABEL_NAME.test(name) && name !== "...");
  if (label !== undefined)
    fail(
      "alerting.groupBy",
      "not a label name",
      "label names such as alertname, or ...",
      JSON.stringify(label),
    );
  checkDuration(fail, "alerting.repeatInterval", a.repeatInterval);
  checkCount(fail, "alerting.replicas", a.replicas, 1, "Alertmanager needs at least one replica");
}

function checkReceiver(
  fail: Fail,
  at: string,
  receiver: AlertReceiver,
  names: ReadonlySet<string>,
  item: string,
): void {
  if (!RECEIVER_NAME.test(receiver.name)) {
    fail(
      `${at}.name`,
      "not a receiver name",
      "lowercase letters, digits and '-', such as pushover",
      JSON.stringify(receiver.name),
    );
  }
  if (names.has(receiver.name)) {
    const message =
      receiver.name === NULL_RECEIVER
        ? "the name is reserved for the receiver that drops alerts"
        : "two receivers share a name";
    fail(`${at}.name`, message, "a name of its own", receiver.name);
  }
  if (!RECEIVER_TYPES.includes(receiver.type)) {
    fail(`${at}.type`, "not a receiver type", RECEIVER_TYPES.join(", "), JSON.stringify(receiver.type));
  }
  for (const [key, field] of Object.entries(receiverKeys(receiver))) {
    const option = `${at}.${fieldOption(receiver, key)}`;
    if (typeof field !== "string")
      fail(option, "the receiver needs this field", "the item field holding it", String(field));
    checkItemOptions({
      builder: "victoria-metrics-hub",
      item: ["alerting.item", item],
      field: [option, field],
      holds: "the receivers' credentials",
    });
  }
}

/** The option that names the field a Secret key is read from. */
function fieldOption(receiver: AlertReceiver, key: string): string {
  const suffix = key.slice(receiver.name.length + 1);
  const options: Record<string, string> = {
    "user-key": "userKeyField",
    token: "tokenField",
    "webhook-url": "webhookUrlField",
    url: "urlField",
  };
  return options[suffix] ?? suffix;
}
