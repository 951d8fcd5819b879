import { testSettings } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { systemUpgradeController } from "./index.js";

const settings = testSettings();

describe("systemUpgradeController option errors", () => {
  it("rejects a Talos version that is not a release tag", () => {
    // GIVEN a version without its v WHEN built THEN it throws naming the setting
    expect(() => systemUpgradeController({ settings: testSettings({ talosVersion: "1.13.9" }) })).toThrow(
      [
        "OPTION system-upgrade-controller: settings.talosVersion: the version is not a release tag",
        "  expected: a tag such as v1.13.9",
        "  found:    1.13.9",
      ].join("\n"),
    );
  });

  it("rejects a Kubernetes version that is not a release tag", () => {
    // GIVEN a minor-only version WHEN built THEN it throws naming the setting
    expect(() => systemUpgradeController({ settings: testSettings({ kubernetesVersion: "v1.35" }) })).toThrow(
      [
        "OPTION system-upgrade-controller: settings.kubernetesVersion: the version is not a release tag",
        "  expected: a tag such as v1.13.9",
        "  found:    v1.35",
      ].join("\n"),
    );
  });

  it("rejects zero replicas and zero concurrency", () => {
    // GIVEN counts below one WHEN built THEN each throws naming its option
    expect(() => systemUpgradeController({ settings, replicas: 0 })).toThrow(
      [
        "OPTION system-upgrade-controller: replicas: replicas must be at least one",
        "  expected: an integer ≥ 1",
        "  found:    0",
      ].join("\n"),
    );
    expect(() => systemUpgradeController({ settings, concurrency: 0 })).toThrow(
      [
        "OPTION system-upgrade-controller: concurrency: concurrency must be at least one",
        "  expected: an integer ≥ 1",
        "  found:    0",
      ].join("\n"),
    );
  });

  it("rejects an installer tagged with another Talos version", () => {
    // GIVEN the installer of an older release WHEN built THEN it throws: the Plan would install another version
    expect(() =>
      systemUpgradeController({ settings, installerImage: "factory.talos.dev/installer/abc:v1.12.0" }),
    ).toThrow(
      [
        "OPTION system-upgrade-controller: installerImage: the installer's tag is not the cluster's Talos version",
        "  expected: factory.talos.dev/installer/abc:v1.13.9",
        "  found:    factory.talos.dev/installer/abc:v1.12.0",
      ].join("\n"),
    );
  });

  it("rejects an installer pinned by digest", () => {
    // GIVEN a digest reference WHEN built THEN it throws: the Plan sets the version itself
    const image = `ghcr.io/siderolabs/installer@sha256:${"0".repeat(64)}`;
    expect(() => systemUpgradeController({ settings, installerImage: image })).toThrow(
      [
        "OPTION system-upgrade-controller: installerImage: not an installer image reference",
        "  expected: registry/path or registry/path:v1.13.9, such as factory.talos.dev/installer/<schematic id>",
        `  found:    ${image}`,
      ].join("\n"),
    );
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    // @ts-expect-error the cluster settings are required
    expect(() => systemUpgradeController({})).toThrow();
    // @ts-expect-error preserve is a boolean
    systemUpgradeController({ settings, preserve: "yes" });
    // @ts-expect-error unknown options are refused
    systemUpgradeController({ settings, talosVersion: "v1.14.0" });
  });
});
