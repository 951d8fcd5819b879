import { describe, expect, it } from "vitest";
import { cidrSpan, describeSpan, loadBalancerAddressProblem, rangeSpan, spanHolds } from "./index.js";

describe("cidrSpan", () => {
  it("keeps the first and last address back when they are reserved, and only then", () => {
    // GIVEN a /27 WHEN spanned with and without the reservation THEN the ends move in by one, or not
    expect(describeSpan(cidrSpan("10.25.11.64/27", true))).toBe("10.25.11.65 to 10.25.11.94");
    expect(describeSpan(cidrSpan("10.25.11.64/27", false))).toBe("10.25.11.64 to 10.25.11.95");
  });

  it.each([
    ["10.25.11.70/32", "10.25.11.70"],
    ["10.25.11.70/31", "10.25.11.70 to 10.25.11.71"],
    ["2001:db8::1/128", "2001:db8::1"],
    ["2001:db8::/127", "2001:db8:: to 2001:db8::1"],
    ["2001:db8::/126", "2001:db8::1 to 2001:db8::2"],
  ])("keeps every address of %s, a block too small to lose two, and no more of IPv6", (cidr, span) => {
    // GIVEN a reserving pool WHEN the block is spanned THEN it is as LB IPAM hands it out
    expect(describeSpan(cidrSpan(cidr, true))).toBe(span);
  });
});

describe("spanHolds", () => {
  it("holds the addresses of a range block's ends, not those beyond or of the other family", () => {
    // GIVEN a start/stop block, which reserves nothing
    const span = rangeSpan("10.25.11.80", "10.25.11.90");
    // WHEN / THEN
    expect(["10.25.11.80", "10.25.11.90"].map((a) => spanHolds(span, a))).toEqual([true, true]);
    expect(["10.25.11.79", "10.25.11.91", "::1", "gateway.lan"].map((a) => spanHolds(span, a))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(describeSpan(rangeSpan("10.25.11.80"))).toBe("10.25.11.80");
  });
});

describe("loadBalancerAddressProblem", () => {
  it("accepts the addresses LB IPAM hands out", () => {
    // GIVEN the first and last usable addresses of the pool WHEN checked THEN nothing is wrong
    expect(loadBalancerAddressProblem("10.25.11.65", "10.25.11.64/27")).toBeUndefined();
    expect(loadBalancerAddressProblem("10.25.11.94", "10.25.11.64/27")).toBeUndefined();
  });

  it.each(["10.25.11.64", "10.25.11.95"])("rejects %s, which the pool reserves", (address) => {
    // GIVEN the network or broadcast address WHEN checked THEN the usable span is expected
    expect(loadBalancerAddressProblem(address, "10.25.11.64/27")).toEqual({
      message: "the address is the first or last of the cluster's LoadBalancer range, which LB IPAM reserves",
      expected: "an address from 10.25.11.65 to 10.25.11.94",
    });
  });

  it("rejects an address outside the range and a value that is no address", () => {
    // GIVEN a node address, then a host name WHEN checked THEN each says why
    expect(loadBalancerAddressProblem("10.25.11.11", "10.25.11.64/27")).toEqual({
      message: "the address is outside the cluster's LoadBalancer range",
      expected: "an address inside 10.25.11.64/27",
    });
    expect(loadBalancerAddressProblem("gateway.lan", "10.25.11.64/27")).toEqual({
      message: "not an IP address",
      expected: "an address inside 10.25.11.64/27",
    });
  });
});
