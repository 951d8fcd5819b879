import { fileURLToPath } from "node:url";
import { type App, componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { systemUpgradeController, TALOS_SERVED_KINDS } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings();

interface PlanJson {
  metadata: { name: string };
  spec: Record<string, unknown> & { upgrade: { image: string; args: string[] }; version: string };
}

function plan(component: { apps: readonly App[] }, name: string): PlanJson {
  const found = appOf(component, "system-upgrade-plans").objects.find(
    (o) => o.kind === "Plan" && o.metadata?.name === name,
  );
  if (!found) throw new Error(`no plan ${name}`);
  return found.toJSON() as PlanJson;
}

describe("systemUpgradeController", () => {
  it("renders the README example", async () => {
    // GIVEN the README example, with the cluster's settings
    // README:start
    const upgrades = systemUpgradeController({ settings });
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(upgrades, settings, [], TALOS_SERVED_KINDS);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/system-upgrade-controller.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("runs the controller from app-template, bound to cluster-admin, registering the Plan CRD", () => {
    // GIVEN the default component WHEN built
    const controller = appOf(systemUpgradeController({ settings }), "system-upgrade-controller");
    // THEN it declares the Plan CRD group, waits, and renders its ServiceAccount and binding beside the release
    expect(controller.crds).toContain("upgrade.cattle.io/*");
    expect(controller.wait).toBe(true);
    expect(controller.objects.map((o) => o.kind)).toEqual([
      "OCIRepository",
      "HelmRelease",
      "ServiceAccount",
      "ClusterRoleBinding",
    ]);
    expect(controller.objects[0]?.toJSON()).toMatchObject({
      spec: { ref: { tag: "5.1.0" }, url: "oci://ghcr.io/bjw-s-labs/helm/app-template" },
    });
    expect(controller.objects[3]?.toJSON()).toMatchObject({
      roleRef: { kind: "ClusterRole", name: "cluster-admin" },
      subjects: [{ kind: "ServiceAccount", name: "system-upgrade", namespace: "system-upgrade" }],
    });
    expect(helmValues(controller)).toMatchObject({
      controllers: {
        "system-upgrade-controller": {
          containers: {
            app: {
              env: {
                SYSTEM_UPGRADE_CONTROLLER_LEADER_ELECT: "false",
                SYSTEM_UPGRADE_JOB_PRIVILEGED: "false",
              },
              image: { repository: "docker.io/rancher/system-upgrade-controller", tag: "v0.15.2" },
            },
          },
          replicas: 1,
          serviceAccount: { name: "system-upgrade" },
        },
      },
    });
  });

  it("puts the Plans in a stage after the controller", () => {
    // GIVEN the default component WHEN rendered
    const files = renderComponents(
      [systemUpgradeController({ settings })],
      settings,
      TALOS_SERVED_KINDS,
    ).files;
    const ks = files.get("apps/system-upgrade/system-upgrade-controller/ks.yaml") ?? "";
    const [controllerKs, plansKs] = parseAllDocuments(ks).map((d) => d.toJS()) as {
      metadata: { name: string };
      spec: Record<string, unknown>;
    }[];
    // THEN the plans stage depends on the controller, derived from the Plan CRD
    expect(controllerKs?.metadata.name).toBe("system-upgrade-controller");
    expect(plansKs?.metadata.name).toBe("system-upgrade-plans");
    expect(plansKs?.spec.dependsOn).toEqual([
      { name: "system-upgrade-controller", namespace: "system-upgrade" },
    ]);
    expect(plansKs?.spec.path).toBe("./clusters/test/apps/system-upgrade/system-upgrade-controller/plans");
  });

  it("upgrades Talos to the cluster's version with talosctl at that version, one node at a time", () => {
    // GIVEN the cluster's Talos version v1.13.9 WHEN built
    const talos = plan(systemUpgradeController({ settings }), "talos");
    // THEN the Plan targets it, keeps EPHEMERAL, and reads the talosconfig Talos writes for its ServiceAccount
    expect(talos.spec).toMatchObject({
      concurrency: 1,
      exclusive: true,
      prepare: { args: ["--nodes=$(NODE_IP)", "health"], image: "ghcr.io/siderolabs/talosctl:v1.13.9" },
      secrets: [{ ignoreUpdates: true, name: "talos", path: "/var/run/secrets/talos.dev" }],
      serviceAccountName: "system-upgrade",
      version: "v1.13.9",
    });
    expect(talos.spec.upgrade).toEqual({
      args: [
        "--nodes=$(NODE_IP)",
        "upgrade",
        "--image=ghcr.io/siderolabs/installer:v1.13.9",
        "--preserve=true",
        "--wait=false",
      ],
      envs: [{ name: "NODE_IP", valueFrom: { fieldRef: { fieldPath: "status.hostIP" } } }],
      image: "ghcr.io/siderolabs/talosctl:v1.13.9",
    });
  });

  it("upgrades Kubernetes to the cluster's version from control-plane nodes", () => {
    // GIVEN the cluster's Kubernetes version v1.35.0 WHEN built
    const kubernetes = plan(systemUpgradeController({ settings }), "kubernetes");
    // THEN talosctl (at the Talos version) runs upgrade-k8s to it
    expect(kubernetes.spec.version).toBe("v1.35.0");
    expect(kubernetes.spec.upgrade.image).toBe("ghcr.io/siderolabs/talosctl:v1.13.9");
    expect(kubernetes.spec.upgrade.args).toEqual(["--nodes=$(NODE_IP)", "upgrade-k8s", "--to=v1.35.0"]);
    expect(kubernetes.spec.nodeSelector).toEqual({
      matchExpressions: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists" }],
    });
  });

  it("follows the settings: new versions, new Plans", () => {
    // GIVEN other cluster versions WHEN built
    const next = systemUpgradeController({
      settings: testSettings({ talosVersion: "v1.14.0", kubernetesVersion: "v1.36.1" }),
    });
    // THEN both Plans carry them
    expect(plan(next, "talos").spec.version).toBe("v1.14.0");
    expect(plan(next, "kubernetes").spec.upgrade.args).toContain("--to=v1.36.1");
    expect(plan(next, "kubernetes").spec.upgrade.image).toBe("ghcr.io/siderolabs/talosctl:v1.14.0");
  });

  it("renders the Talos ServiceAccount and exports the API access Talos must allow", () => {
    // GIVEN the default component WHEN built
    const upgrades = systemUpgradeController({ settings });
    // THEN the stage holds an os:admin Talos ServiceAccount and the component says what Talos must allow
    const talosSa = appOf(upgrades, "system-upgrade-plans").objects.find(
      (o) => o.apiVersion === "talos.dev/v1alpha1",
    );
    expect(talosSa?.toJSON()).toEqual({
      apiVersion: "talos.dev/v1alpha1",
      kind: "ServiceAccount",
      metadata: { name: "talos" },
      spec: { roles: ["os:admin"] },
    });
    expect(upgrades.talosApiAccess).toEqual({
      allowedKubernetesNamespaces: ["system-upgrade"],
      allowedRoles: ["os:admin"],
    });
  });
});

describe("systemUpgradeController options", () => {
  it("namespace: moves both stages, the binding and the Talos API access", () => {
    // GIVEN another namespace WHEN built
    const upgrades = systemUpgradeController({ settings, namespace: "kube-system" });
    // THEN everything follows it
    expect(upgrades.apps.map((a) => a.namespace)).toEqual(["kube-system", "kube-system"]);
    expect(appOf(upgrades, "system-upgrade-controller").objects[3]?.toJSON()).toMatchObject({
      subjects: [{ namespace: "kube-system" }],
    });
    expect(upgrades.talosApiAccess.allowedKubernetesNamespaces).toEqual(["kube-system"]);
  });

  it("replicas: scales the controller and turns on leader election", () => {
    // GIVEN two replicas WHEN built THEN both follow
    expect(
      helmValues(appOf(systemUpgradeController({ settings, replicas: 2 }), "system-upgrade-controller")),
    ).toMatchObject({
      controllers: {
        "system-upgrade-controller": {
          containers: { app: { env: { SYSTEM_UPGRADE_CONTROLLER_LEADER_ELECT: "true" } } },
          replicas: 2,
        },
      },
    });
  });

  it("installerImage: installs the nodes' Image Factory installer, tagged or not", () => {
    // GIVEN a schematic's installer, as the talos package names it (tagged) and untagged WHEN built
    const repository =
      "factory.talos.dev/installer/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba";
    const tagged = systemUpgradeController({ settings, installerImage: `${repository}:v1.13.9` });
    const untagged = systemUpgradeController({ settings, installerImage: repository });
    // THEN the Talos Plan installs it at the cluster's version, the tag not repeated
    expect(plan(tagged, "talos").spec.upgrade.args).toContain(`--image=${repository}:v1.13.9`);
    expect(plan(untagged, "talos").spec.upgrade.args).toContain(`--image=${repository}:v1.13.9`);
  });

  it("installerImage: keeps a registry port apart from the tag", () => {
    // GIVEN an installer mirrored on a registry with a port WHEN built THEN the port is not read as a tag
    const upgrades = systemUpgradeController({
      settings,
      installerImage: "registry.lan:5000/talos/installer",
    });
    expect(plan(upgrades, "talos").spec.upgrade.args).toContain(
      "--image=registry.lan:5000/talos/installer:v1.13.9",
    );
  });

  it("concurrency: upgrades several nodes at once", () => {
    // GIVEN two at a time WHEN built THEN the Talos Plan (only) follows
    const upgrades = systemUpgradeController({ settings, concurrency: 2 });
    expect(plan(upgrades, "talos").spec.concurrency).toBe(2);
    expect(plan(upgrades, "kubernetes").spec.concurrency).toBe(1);
  });

  it("preserve: lets an upgrade wipe EPHEMERAL", () => {
    // GIVEN preserve off WHEN built THEN talosctl is told so
    expect(plan(systemUpgradeController({ settings, preserve: false }), "talos").spec.upgrade.args).toContain(
      "--preserve=false",
    );
  });

  it("labels its namespace privileged, since the upgrade Jobs use the host network and a host path", () => {
    // GIVEN the default component WHEN rendered
    const files = renderComponents(
      [systemUpgradeController({ settings })],
      settings,
      TALOS_SERVED_KINDS,
    ).files;
    // THEN the Namespace carries the Pod Security level
    const [namespace] = parseAllDocuments(files.get("apps/system-upgrade/namespace.yaml") ?? "").map((d) =>
      d.toJS(),
    );
    expect(namespace.metadata.labels).toEqual({ "pod-security.kubernetes.io/enforce": "privileged" });
  });
});
