export {
  SPEGEL_MIRRORED_REGISTRIES,
  type SpegelOptions,
  TALOS_CONTAINERD_REGISTRY_CONFIG_PATH,
} from "./options.js";
export { SPEGEL_CHART, type Spegel, spegel } from "./spegel.js";
