/**
 * The order a cluster comes up in. A dependency may point to an app in the same or an earlier layer, never a later
 * one: CRDs before the controllers that serve them, controllers before the storage and configuration they manage,
 * then platform services, then applications.
 */
export type Layer = "crds" | "controllers" | "config" | "platform" | "apps";

export const LAYERS: readonly Layer[] = ["crds", "controllers", "config", "platform", "apps"];

export function layerIndex(layer: Layer): number {
  return LAYERS.indexOf(layer);
}
