import { join } from "node:path";
import { SCHEMAS_DIR, schemaPresent, valuesErrors } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { TALOS_LOG_PORTS, talosLogDestinations, talosLogForwarding } from "./index.js";
import { config, sectionsOf } from "./test-support.js";

const TALOS_SCHEMA = join(SCHEMAS_DIR, "config", "talos", "v1.13", "config.schema.json");

describe("talosLogForwarding", () => {
  it("sends service logs and the kernel log to the ports the collector listens on", () => {
    // GIVEN the machine configuration pieces WHEN compared with the collector's TCP inputs
    const { machinePatch, kmsgLogConfig } = talosLogForwarding();
    const ports = sectionsOf(config().inputs, "INPUT")
      .filter((s) => s.includes("Name tcp"))
      .map((s) => s.find((l) => l.startsWith("Port ")));
    // THEN Talos sends JSON lines over TCP to localhost, services and kernel on the two ports
    expect(machinePatch.machine.logging.destinations).toEqual([
      { endpoint: "tcp://127.0.0.1:6051/", format: "json_lines" },
    ]);
    expect(kmsgLogConfig.url).toBe("tcp://127.0.0.1:6050");
    expect(ports).toEqual([`Port ${TALOS_LOG_PORTS.services}`, `Port ${TALOS_LOG_PORTS.kernel}`]);
  });

  describe.skipIf(!schemaPresent(TALOS_SCHEMA))("against the Talos v1.13 config schema", () => {
    it("the KmsgLogConfig document is valid", () => {
      // GIVEN the document WHEN validated against the Talos schema (one of its document kinds) THEN no errors
      expect(valuesErrors(TALOS_SCHEMA, talosLogForwarding().kmsgLogConfig)).toEqual([]);
    });
  });

  it("gives the same destinations in the shape the talos package takes", () => {
    expect(talosLogDestinations()).toEqual({
      services: "tcp://127.0.0.1:6051/",
      kernel: "tcp://127.0.0.1:6050",
    });
  });
});
