export {
  BOOTSTRAP_ORDER,
  bootstrapCommands,
  bootstrapFiles,
  bootstrapReleases,
  HELMFILE_SCHEMA,
} from "./bootstrap.js";
export { type HelmfileRelease, releaseOf } from "./release.js";
