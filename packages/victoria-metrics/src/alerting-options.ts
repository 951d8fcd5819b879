interface ReceiverBase {
  /** Receiver name, used by routes and in the credentials' Secret keys: lowercase letters, digits and '-'. */
  readonly name: string;
  /** Notify when an alert resolves too. @default true */
  readonly sendResolved?: boolean;
}

/** Pushover: the user (or group) key and the application token, fields of the alerting 1Password item. */
export interface PushoverReceiver extends ReceiverBase {
  readonly type: "pushover";
  /** The item field with the user (or group) key. */
  readonly userKeyField: string;
  /** The item field with the application's API token. */
  readonly tokenField: string;
}

/** A Discord channel webhook; its URL is a field of the alerting item. */
export interface DiscordReceiver extends ReceiverBase {
  readonly type: "discord";
  /** The item field with the channel's webhook URL. */
  readonly webhookUrlField: string;
}

/** A generic webhook (Alertmanager's JSON payload); its URL is a field of the alerting item. */
export interface WebhookReceiver extends ReceiverBase {
  readonly type: "webhook";
  /** The item field with the URL Alertmanager posts to (it may carry a token). */
  readonly urlField: string;
}

export type AlertReceiver = PushoverReceiver | DiscordReceiver | WebhookReceiver;

/** A route below the top one: alerts matching every matcher go to `receiver`. */
export interface AlertRoute {
  /** Alertmanager matchers such as `severity="critical"` or `namespace=~"tenant-.*"`. */
  readonly matchers: readonly string[];
  /** A receiver's name, or `null` to drop the alerts. */
  readonly receiver: string;
  /** Keep matching the routes after this one. @default false */
  readonly continue?: boolean;
}

export interface AlertingOptions {
  /** @default [] */
  readonly receivers?: readonly AlertReceiver[];
  /** Receiver of alerts no route matches. @default the first receiver, or `null` without receivers */
  readonly receiver?: string;
  /** Routes tried in order after the built-in one that drops `Watchdog`. @default [] */
  readonly routes?: readonly AlertRoute[];
  /** Labels alerts are grouped by into one notification. @default ["alertname", "cluster", "namespace"] */
  readonly groupBy?: readonly string[];
  /** How long before a notification is sent again for a group that still fires. @default "12h" */
  readonly repeatInterval?: string;
  /** The 1Password item holding the receivers' credentials. @default "alertmanager" */
  readonly item?: string;
  /** Alertmanager replicas (they gossip to deduplicate). @default 1 */
  readonly replicas?: number;
}

export interface ResolvedAlertingOptions extends Required<Omit<AlertingOptions, "receiver">> {
  readonly receiver: string;
}

/** The receiver that drops what it is given. */
export const NULL_RECEIVER = "null";

export function resolveAlerting(options: AlertingOptions = {}): ResolvedAlertingOptions {
  const receivers = options.receivers ?? [];
  return {
    receivers,
    receiver: options.receiver ?? receivers[0]?.name ?? NULL_RECEIVER,
    routes: options.routes ?? [],
    groupBy: options.groupBy ?? ["alertname", "cluster", "namespace"],
    repeatInterval: options.repeatInterval ?? "12h",
    item: options.item ?? "alertmanager",
    replicas: options.replicas ?? 1,
  };
}
