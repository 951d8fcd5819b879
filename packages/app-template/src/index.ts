export { APP_TEMPLATE_CHART, type AppTemplate, appTemplate } from "./app-template.js";
export type {
  Addons,
  AppTemplateOptions,
  BackupAddon,
  CacheAddon,
  DatabaseAddon,
  DataClass,
  ImageOptions,
  PersistenceOptions,
  PvcVolume,
  RouteOptions,
  SecretAddon,
  SecurityOptions,
  VolumeSource,
} from "./options.js";
export { claimName } from "./values.js";
