import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type VictoriaMetricsHubOptions, victoriaMetricsHub } from "./index.js";
import { APPS, hubBase, INFRA } from "./test-support.js";

const message = optionMessage("victoria-metrics-hub");
const hub = (options: Partial<VictoriaMetricsHubOptions>) => () =>
  victoriaMetricsHub({ ...hubBase, ...options });

describe("victoriaMetricsHub errors", () => {
  it("rejects a name the operator cannot prefix", () => {
    expect(hub({ name: "Hub" })).toThrow(
      message("name", "not a valid name", "a DNS label of at most 40 characters such as hub", '"Hub"'),
    );
  });

  it("rejects an invalid namespace", () => {
    expect(hub({ namespace: "obs_1" })).toThrow(
      message(
        "namespace",
        "not a valid name",
        "a DNS label of at most 63 characters such as observability",
        '"obs_1"',
      ),
    );
  });

  it("rejects an address that is not an IP", () => {
    expect(hub({ address: "hub.local" })).toThrow(
      message("address", "not an IP address", "an address such as 10.25.11.72", '"hub.local"'),
    );
  });

  it("rejects an address outside the hub cluster's LoadBalancer range", () => {
    expect(hub({ address: "10.25.11.100" })).toThrow(
      message(
        "address",
        "the address is outside the cluster's LoadBalancer range",
        "an address inside 10.25.11.64/27",
        "10.25.11.100",
      ),
    );
  });

  it.each(["10.25.11.64", "10.25.11.95"])("rejects %s, an end of the range LB IPAM reserves", (address) => {
    // GIVEN the network or broadcast address of the hub cluster's range WHEN built THEN it names the usable span
    expect(hub({ address })).toThrow(
      message(
        "address",
        "the address is the first or last of the cluster's LoadBalancer range, which LB IPAM reserves",
        "an address from 10.25.11.65 to 10.25.11.94",
        address,
      ),
    );
  });

  it("rejects a port out of range", () => {
    expect(hub({ port: 70000 })).toThrow(message("port", "not a port", "an integer in 1..65535", "70000"));
  });

  it("rejects a retention VictoriaMetrics cannot read", () => {
    expect(hub({ retention: "30 days" })).toThrow(
      message(
        "retention",
        "not a retention period",
        "a period such as 30d, 12w or 1y (a bare number counts months)",
        '"30 days"',
      ),
    );
  });

  it("rejects a storage size that is not a quantity", () => {
    expect(hub({ storageSize: "50GB" })).toThrow(
      message("storageSize", "not a storage size", "a quantity such as 50Gi", '"50GB"'),
    );
  });

  it("rejects zero replicas of a part", () => {
    expect(hub({ replicas: { vminsert: 0 } })).toThrow(
      message("replicas.vminsert", "vminsert needs at least one replica", "an integer ≥ 1", "0"),
    );
  });

  it("rejects more copies of a sample than vmstorage replicas", () => {
    expect(hub({ replicationFactor: 3 })).toThrow(
      message(
        "replicationFactor",
        "more copies of each sample than vmstorage replicas to hold them",
        "at most replicas.vmstorage (2)",
        "3",
      ),
    );
  });

  it("rejects the hub's own cluster as a spoke", () => {
    expect(hub({ spokes: [INFRA] })).toThrow(
      message(
        "spokes[0]",
        "the hub's own cluster writes to vminsert directly, not through VMAuth",
        "another cluster",
        "infra",
      ),
    );
  });

  it("rejects two spokes sharing a tenant", () => {
    // GIVEN a second spoke with the apps cluster's id WHEN built THEN the second names the first
    expect(hub({ spokes: [APPS, { ...APPS, name: "edge" }] })).toThrow(
      message("spokes[1]", "tenant 2 is already cluster apps's", "a cluster id of its own", "edge"),
    );
  });

  it("rejects bad spokes at compile time", () => {
    // @ts-expect-error spokes are cluster settings, not names
    void hub({ spokes: ["apps"] });
  });
});
