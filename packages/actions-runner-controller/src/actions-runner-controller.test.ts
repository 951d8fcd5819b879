import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  type ActionsRunnerControllerOptions,
  ARC_CONTROLLER_CHART,
  ARC_SCALE_SET_CHART,
  actionsRunnerController,
} from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const secrets = externalSecrets({ vault: "k8s-apps" });
const base: ActionsRunnerControllerOptions = {
  store: secrets.secretStore,
  githubConfigUrl: "https://github.com/my-org",
};

describe("actionsRunnerController", () => {
  it("renders the README example: the controller and the runner scale set stage", async () => {
    // GIVEN the README example
    // README:start
    const secrets = externalSecrets({ vault: "k8s-apps" });
    const arc = actionsRunnerController({
      store: secrets.secretStore,
      githubConfigUrl: "https://github.com/my-org",
    });
    // README:end
    // WHEN rendered with the secret store THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(arc, testSettings(), [secrets]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/actions-runner-controller.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("pins both charts to one version", () => {
    // GIVEN the chart constants THEN their tags are equal by construction
    expect(ARC_CONTROLLER_CHART.tag).toBe(ARC_SCALE_SET_CHART.tag);
    expect(ARC_SCALE_SET_CHART.url).toBe(
      "oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set",
    );
  });

  it("makes the runners stage wait for the controller (its CRDs) and the secret store", () => {
    // GIVEN the component WHEN rendered
    const files = renderComponents([secrets, actionsRunnerController(base)], testSettings()).files;
    const [controller, runners] = parseAllDocuments(
      files.get("apps/actions-runner-system/actions-runner-controller/ks.yaml") ?? "",
    ).map((d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> });
    // THEN the controller waits and the runners stage depends on it and on the store
    expect(controller?.spec.wait).toBe(true);
    expect(runners?.metadata.name).toBe("arc-runner");
    expect(runners?.spec.path).toBe(
      "./clusters/test/apps/actions-runner-system/actions-runner-controller/runners",
    );
    expect(runners?.spec.dependsOn).toEqual([
      { name: "actions-runner-controller", namespace: "actions-runner-system" },
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
    ]);
  });

  it("declares the actions.github.com CRDs on the controller", () => {
    expect(appOf(actionsRunnerController(base), "actions-runner-controller").crds).toEqual([
      "actions.github.com/*",
    ]);
  });

  it("points the scale set at the controller's ServiceAccount and the GitHub App Secret", () => {
    // GIVEN the component WHEN built
    const values = helmValues(appOf(actionsRunnerController(base), "arc-runner"));
    // THEN
    expect(values).toEqual({
      containerMode: { type: "dind" },
      controllerServiceAccount: { name: "actions-runner-controller", namespace: "actions-runner-system" },
      githubConfigSecret: "arc-runner-github-app-secret",
      githubConfigUrl: "https://github.com/my-org",
      maxRunners: 3,
      minRunners: 0,
      runnerScaleSetName: "arc-runner",
    });
  });

  it("lets Docker-in-Docker runners be privileged in their namespace", () => {
    expect(appOf(actionsRunnerController(base), "arc-runner").namespaceLabels).toEqual({
      "pod-security.kubernetes.io/enforce": "privileged",
    });
  });

  it("builds the GitHub App Secret from the item's fields", () => {
    // GIVEN custom item and fields WHEN built
    const arc = actionsRunnerController({
      ...base,
      githubAppItem: "github-app",
      githubAppFields: { appId: "APP_ID", installationId: "INSTALL_ID", privateKey: "KEY" },
    });
    const [secret] = objectsOf(appOf(arc, "arc-runner"), "ExternalSecret");
    // THEN the template reads them
    expect(secret?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "github-app" } }],
      target: {
        name: "arc-runner-github-app-secret",
        template: {
          data: {
            github_app_id: "{{ .APP_ID }}",
            github_app_installation_id: "{{ .INSTALL_ID }}",
            github_app_private_key: "{{ .KEY }}",
          },
        },
      },
    });
  });

  it("sets name, runner counts, container mode, namespace and replicas", () => {
    // GIVEN every option changed
    const arc = actionsRunnerController({
      ...base,
      githubConfigUrl: "https://github.com/my-org/my-repo",
      runnerScaleSetName: "k8s-ops",
      minRunners: 1,
      maxRunners: 8,
      containerMode: "none",
      namespace: "arc",
      replicas: 2,
    });
    // THEN the scale set and controller follow
    const runners = appOf(arc, "k8s-ops");
    expect(runners.namespace).toBe("arc");
    expect(helmValues(runners)).toEqual({
      controllerServiceAccount: { name: "actions-runner-controller", namespace: "arc" },
      githubConfigSecret: "k8s-ops-github-app-secret",
      githubConfigUrl: "https://github.com/my-org/my-repo",
      maxRunners: 8,
      minRunners: 1,
      runnerScaleSetName: "k8s-ops",
    });
    expect(helmValues(appOf(arc, "actions-runner-controller")).replicaCount).toBe(2);
    expect(arc.runsOn).toBe("k8s-ops");
    expect(runners.namespaceLabels).toEqual({});
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error a store must be a SecretStoreRef, not a name
      () => actionsRunnerController({ ...base, store: "onepassword" }),
      // @ts-expect-error only dind or none
      () => actionsRunnerController({ ...base, containerMode: "kubernetes" }),
      // @ts-expect-error unknown option
      () => actionsRunnerController({ ...base, runnerGroup: "default" }),
      // @ts-expect-error the config URL is required
      () => actionsRunnerController({ store: base.store }),
    ];
    expect(rejected).toHaveLength(4);
  });
});
