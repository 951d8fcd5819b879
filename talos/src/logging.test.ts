import { describe, expect, it } from "vitest";
import { INFRA_INVENTORY, talosFiles } from "./index.js";
import { fileDocuments, platformSettings, schemaPresent, schemaValidator } from "./test-support.js";

describe("log forwarding", () => {
  const settings = platformSettings("infra");

  it("sends every machine's service logs and kernel log where the option says", () => {
    // GIVEN a log collector on every node
    const files = talosFiles(settings, {
      ...INFRA_INVENTORY,
      logForwarding: { services: "tcp://127.0.0.1:6051/", kernel: "tcp://127.0.0.1:6050" },
    });
    // WHEN the cluster-wide patch is read
    const [config, , kmsg] = fileDocuments(files, "talos/cluster.yaml") as {
      machine?: { logging?: unknown };
    }[];
    // THEN the v1alpha1 patch carries the destination and a KmsgLogConfig follows the resolver
    expect(config?.machine?.logging).toEqual({
      destinations: [{ endpoint: "tcp://127.0.0.1:6051/", format: "json_lines" }],
    });
    expect(kmsg).toEqual({
      apiVersion: "v1alpha1",
      kind: "KmsgLogConfig",
      name: "kernel",
      url: "tcp://127.0.0.1:6050",
    });
  });

  it("keeps logs on the machine by default", () => {
    const documents = fileDocuments(talosFiles(settings, INFRA_INVENTORY), "talos/cluster.yaml");
    expect(documents).toHaveLength(2);
    expect(JSON.stringify(documents)).not.toContain("logging");
  });

  it.skipIf(!schemaPresent())("writes a KmsgLogConfig the Talos 1.13 schema accepts", () => {
    const files = talosFiles(settings, {
      ...INFRA_INVENTORY,
      logForwarding: { services: "tcp://127.0.0.1:6051/", kernel: "tcp://127.0.0.1:6050" },
    });
    expect(schemaValidator()(fileDocuments(files, "talos/cluster.yaml")[2])).toEqual([]);
  });
});
