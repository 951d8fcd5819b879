import { describe, expect, it } from "vitest";
import { APPS_INVENTORY, type TalosMachine, type TalosOptions, talosCommands, talosFiles } from "./index.js";
import { fileDocuments, platformSettings } from "./test-support.js";

const settings = platformSettings("apps");

function render(options: Partial<TalosOptions>) {
  return talosFiles(settings, { ...APPS_INVENTORY, ...options });
}

function withMachine(index: number, change: Partial<TalosMachine>): TalosMachine[] {
  return APPS_INVENTORY.machines.map((machine, i) => (i === index ? { ...machine, ...change } : machine));
}

describe("talos options", () => {
  it("nameservers: the machines resolve with the servers given", () => {
    // GIVEN two DNS servers WHEN rendered THEN the ResolverConfig lists them
    const [, resolver] = fileDocuments(
      render({ nameservers: ["10.25.11.2", "1.1.1.1"] }),
      "talos/cluster.yaml",
    );
    expect(resolver).toMatchObject({
      kind: "ResolverConfig",
      nameservers: [{ address: "10.25.11.2" }, { address: "1.1.1.1" }],
    });
  });

  it("schematic: installs the Image Factory image of the schematic", () => {
    // GIVEN a schematic with extensions WHEN rendered THEN the installer image uses it
    const schematic = "a".repeat(64);
    const [cluster] = fileDocuments(render({ schematic }), "talos/cluster.yaml");
    expect(cluster).toMatchObject({
      machine: { install: { image: `factory.talos.dev/installer/${schematic}:v1.13.9` } },
    });
  });

  it("mtu: sets the bond's MTU", () => {
    // GIVEN jumbo frames WHEN rendered THEN each bond carries MTU 9000
    const documents = fileDocuments(render({ mtu: 9000 }), "talos/nodes/apps-1.yaml");
    expect(documents.find((d) => JSON.stringify(d).includes('"BondConfig"'))).toMatchObject({ mtu: 9000 });
  });

  it("allowSchedulingOnControlPlanes: false keeps workloads and load balancing off the control plane", () => {
    // GIVEN dedicated control-plane machines WHEN rendered THEN neither scheduling nor the label removal is set
    const [config] = fileDocuments(
      render({ allowSchedulingOnControlPlanes: false }),
      "talos/controlplane.yaml",
    );
    expect(config).toMatchObject({ cluster: { allowSchedulingOnControlPlanes: false } });
    expect(JSON.stringify(config)).not.toContain("exclude-from-external-load-balancers");
  });

  it("talosApiNamespaces: grants os:admin Talos API access to the namespaces given", () => {
    // GIVEN another namespace WHEN rendered THEN it is the one allowed
    const [config] = fileDocuments(
      render({ talosApiNamespaces: ["tuppr-system"] }),
      "talos/controlplane.yaml",
    );
    expect(config).toMatchObject({
      machine: { features: { kubernetesTalosAPIAccess: { allowedKubernetesNamespaces: ["tuppr-system"] } } },
    });
  });

  it("endpoint: a DNS name goes into the certificates and sets up no VIP", () => {
    // GIVEN an endpoint on a DNS name WHEN rendered
    const files = render({ endpoint: "https://k8s.apps.example.com:6443" });
    // THEN the name is a SAN, the endpoint is the cluster's, and no Layer2VIPConfig is written
    const [cluster] = fileDocuments(files, "talos/cluster.yaml");
    expect(cluster).toMatchObject({
      machine: { certSANs: ["127.0.0.1", "k8s.apps.example.com"] },
      cluster: { controlPlane: { endpoint: "https://k8s.apps.example.com:6443" } },
    });
    expect(fileDocuments(files, "talos/controlplane.yaml")).toHaveLength(1);
  });

  it("machines[].installDisk: a device path or a model instead of a serial", () => {
    // GIVEN one machine by path and one by model WHEN rendered THEN install.disk / diskSelector.model are set
    const path = "/dev/disk/by-id/ata-Samsung_SSD_870_EVO_500GB_S6PNNS0W000014";
    const machines = withMachine(0, { installDisk: { path } }).map((m, i) =>
      i === 1 ? { ...m, installDisk: { model: "Samsung SSD 870 EVO 500GB" } } : m,
    );
    const files = render({ machines });
    expect(fileDocuments(files, "talos/nodes/apps-1.yaml")[0]).toMatchObject({
      machine: { install: { disk: path } },
    });
    expect(fileDocuments(files, "talos/nodes/apps-2.yaml")[0]).toMatchObject({
      machine: { install: { diskSelector: { model: "Samsung SSD 870 EVO 500GB" } } },
    });
  });

  it("machines[].localDisk: a machine without one gets no user volume", () => {
    // GIVEN apps-3 without a local disk WHEN rendered THEN its patch has no UserVolumeConfig
    const machines = withMachine(2, { localDisk: undefined });
    const text = JSON.stringify(fileDocuments(render({ machines }), "talos/nodes/apps-3.yaml"));
    expect(text).not.toContain("UserVolumeConfig");
  });

  it("machines[].links: more than two NICs join the bond", () => {
    // GIVEN four NICs WHEN rendered THEN four aliases and a bond over all of them
    const links: TalosMachine["links"] = [
      "02:0a:19:0b:0e:01",
      "02:0a:19:0b:0e:02",
      "02:0a:19:0b:0e:03",
      "02:0a:19:0b:0e:04",
    ];
    const documents = fileDocuments(
      render({ machines: withMachine(0, { links }) }),
      "talos/nodes/apps-1.yaml",
    );
    expect(documents.find((d) => JSON.stringify(d).includes('"BondConfig"'))).toMatchObject({
      links: ["net0", "net1", "net2", "net3"],
    });
  });

  it("machines[].role: a worker machine gets worker.yaml and does not count toward the control plane", () => {
    // GIVEN a fourth machine that is a worker
    const options = { ...APPS_INVENTORY, machines: [...APPS_INVENTORY.machines, workerMachine()] };
    const withWorker = platformSettings("apps", {
      nodes: [...settings.nodes, { name: "apps-4", address: "10.25.11.17" }],
    });
    // WHEN the runbook is asked for THEN the worker's apply-config uses worker.yaml
    expect(talosCommands(withWorker, options)[4]).toBe(
      'talosctl apply-config --insecure -n 10.25.11.17 --file "$TALOS_OUT/apps/worker.yaml" --config-patch @clusters/apps/talos/nodes/apps-4.yaml',
    );
  });
});

function workerMachine(): TalosMachine {
  return {
    name: "apps-4",
    address: "10.25.11.17",
    role: "worker",
    links: ["02:0a:19:0b:11:01", "02:0a:19:0b:11:02"],
    installDisk: { serial: "S6PNNS0W000017" },
  };
}
