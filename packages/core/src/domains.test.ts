import { describe, expect, it } from "vitest";
import { isDomainName, isEmailAddress } from "./index.js";

describe("isDomainName", () => {
  // GIVEN names as builders take them, plain or with Flux substitutions in place of labels
  it.each([
    "example.com",
    "k8s.example.com",
    "a-b.example.co.uk",
    "1.example.com",
    "${SECRET_DOMAIN}",
    "k8s.${SECRET_DOMAIN}",
    "${SUB}.${SECRET_DOMAIN}",
    "${SUB}.example.com",
  ])("accepts %s", (name) => {
    // WHEN checked THEN it is a domain name (a variable stands for the labels Flux fills in)
    expect(isDomainName(name)).toBe(true);
  });

  // GIVEN single labels, URLs, capitals, wildcards, bad labels, names too long and broken variables
  it.each([
    "",
    "localhost",
    "https://example.com",
    "Example.com",
    "*.example.com",
    "-a.example.com",
    "a-.example.com",
    "example..com",
    "example.com.",
    "ex ample.com",
    `${"a".repeat(64)}.example.com`,
    `${"a.".repeat(126)}com`,
    "${SECRET_DOMAIN",
    "$SECRET_DOMAIN",
    "${1DOMAIN}",
  ])("rejects %j", (name) => {
    // WHEN checked THEN it is not a domain name
    expect(isDomainName(name)).toBe(false);
  });
});

describe("isEmailAddress", () => {
  // GIVEN addresses, with Flux substitutions for the domain or the whole address
  it.each(["ops@example.com", "first.last+acme@mail.example.org", "ops@${SECRET_DOMAIN}", "${ACME_EMAIL}"])(
    "accepts %s",
    (address) => {
      // WHEN checked THEN it is an address
      expect(isEmailAddress(address)).toBe(true);
    },
  );

  // GIVEN values without a user, without a domain with a dot, with spaces or two @
  it.each(["", "admin", "admin@", "@example.com", "admin@localhost", "a b@example.com", "a@b@c.com"])(
    "rejects %j",
    (address) => {
      // WHEN checked THEN it is not an address
      expect(isEmailAddress(address)).toBe(false);
    },
  );
});
