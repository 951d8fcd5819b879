import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type AlertingOptions, type VictoriaMetricsHubOptions, victoriaMetricsHub } from "./index.js";
import { cephBlock, hubBase, secrets } from "./test-support.js";

const message = optionMessage("victoria-metrics-hub");
const hub = (options: Partial<VictoriaMetricsHubOptions>) => () =>
  victoriaMetricsHub({ ...hubBase, ...options });
const alerting = (options: AlertingOptions) => hub({ alerting: options });
const pushover = {
  name: "pushover",
  type: "pushover",
  userKeyField: "USER_KEY",
  tokenField: "TOKEN",
} as const;

describe("alerting errors", () => {
  it("rejects a default receiver that does not exist", () => {
    expect(alerting({ receivers: [pushover], receiver: "email" })).toThrow(
      message("alerting.receiver", "no receiver has that name", "one of null, pushover", "email"),
    );
  });

  it("rejects a route to a receiver that does not exist", () => {
    expect(alerting({ routes: [{ matchers: ['severity="critical"'], receiver: "pushover" }] })).toThrow(
      message("alerting.routes.0.receiver", "no receiver has that name", "one of null", "pushover"),
    );
  });

  it("rejects a route without matchers", () => {
    expect(alerting({ routes: [{ matchers: [], receiver: "null" }] })).toThrow(
      message(
        "alerting.routes.0.matchers",
        "a route needs at least one matcher",
        'matchers such as severity="critical"',
        "[]",
      ),
    );
  });

  it("rejects a matcher Alertmanager cannot parse", () => {
    expect(alerting({ routes: [{ matchers: ["severity=critical"], receiver: "null" }] })).toThrow(
      message(
        "alerting.routes.0.matchers",
        "not an Alertmanager matcher",
        'label, operator and quoted value, such as severity="critical"',
        '"severity=critical"',
      ),
    );
  });

  it("rejects a receiver name that cannot key its credentials", () => {
    expect(alerting({ receivers: [{ ...pushover, name: "Push Over" }] })).toThrow(
      message(
        "alerting.receivers.0.name",
        "not a receiver name",
        "lowercase letters, digits and '-', such as pushover",
        '"Push Over"',
      ),
    );
  });

  it("rejects two receivers of one name", () => {
    expect(
      alerting({ receivers: [pushover, { name: "pushover", type: "webhook", urlField: "URL" }] }),
    ).toThrow(
      message("alerting.receivers.1.name", "two receivers share a name", "a name of its own", "pushover"),
    );
  });

  it("rejects a receiver named null", () => {
    expect(alerting({ receivers: [{ name: "null", type: "webhook", urlField: "URL" }] })).toThrow(
      message(
        "alerting.receivers.0.name",
        "the name is reserved for the receiver that drops alerts",
        "a name of its own",
        "null",
      ),
    );
  });

  it("rejects a credentials field the secret template cannot read", () => {
    expect(alerting({ receivers: [{ ...pushover, userKeyField: "user-key" }] })).toThrow(
      message(
        "alerting.receivers.0.userKeyField",
        "not a field name the secret template can read",
        "letters, digits and '_', not starting with a digit",
        '"user-key"',
      ),
    );
  });

  it("rejects an empty item when receivers need credentials", () => {
    expect(alerting({ receivers: [pushover], item: " " })).toThrow(
      message(
        "alerting.item",
        "the 1Password item name is empty",
        "the item holding the receivers' credentials",
        '""',
      ),
    );
  });

  it("rejects a groupBy entry that is not a label", () => {
    expect(alerting({ groupBy: ["alert name"] })).toThrow(
      message(
        "alerting.groupBy",
        "not a label name",
        "label names such as alertname, or ...",
        '"alert name"',
      ),
    );
  });

  it("rejects a repeat interval that is not a duration", () => {
    expect(alerting({ repeatInterval: "daily" })).toThrow(
      message("alerting.repeatInterval", "not a duration", "a duration such as 30s, 5m or 1h30m", '"daily"'),
    );
  });

  it("rejects zero Alertmanager replicas", () => {
    expect(alerting({ replicas: 0 })).toThrow(
      message("alerting.replicas", "Alertmanager needs at least one replica", "an integer ≥ 1", "0"),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the storage class is required
    expect(() => victoriaMetricsHub({ ...hubBase, storageClass: undefined })).toThrow();
    // @ts-expect-error a secret store is not a storage class
    expect(() => victoriaMetricsHub({ ...hubBase, storageClass: secrets.secretStore })).toThrow(
      message(
        "storageClass",
        "not a storage class reference",
        "the StorageClassRef a storage component exports",
        JSON.stringify(secrets.secretStore),
      ),
    );
    // @ts-expect-error a storage class is not a secret store
    victoriaMetricsHub({ ...hubBase, store: cephBlock });
    // @ts-expect-error the address is a string
    expect(() => victoriaMetricsHub({ ...hubBase, address: 0x0a190b48 })).toThrow();
    // @ts-expect-error unknown option
    victoriaMetricsHub({ ...hubBase, vmstorageReplicas: 3 });
    // @ts-expect-error a pushover receiver needs its token field
    const noToken: AlertingOptions = { receivers: [{ name: "p", type: "pushover", userKeyField: "U" }] };
    expect(alerting(noToken)).toThrow(
      message(
        "alerting.receivers.0.tokenField",
        "the receiver needs this field",
        "the item field holding it",
        "undefined",
      ),
    );
    // @ts-expect-error no such receiver type
    const email: AlertingOptions = { receivers: [{ name: "m", type: "email", urlField: "U" }] };
    expect(alerting(email)).toThrow(
      message("alerting.receivers.0.type", "not a receiver type", "pushover, discord, webhook", '"email"'),
    );
  });
});
