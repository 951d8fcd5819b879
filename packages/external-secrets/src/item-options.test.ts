import { describe, expect, it } from "vitest";
import { checkItemOptions, type ItemOptions } from "./index.js";

const options: ItemOptions = {
  builder: "external-dns",
  item: ["cloudflareItem", "cloudflare"],
  field: ["cloudflareTokenField", "CLOUDFLARE_API_TOKEN"],
  holds: "the Cloudflare token",
};

describe("checkItemOptions", () => {
  it("accepts an item name and a field a template can read", () => {
    // GIVEN a named item and a field of letters, digits and '_' WHEN checked THEN nothing is thrown
    expect(() => checkItemOptions(options)).not.toThrow();
    expect(() => checkItemOptions({ ...options, field: ["cloudflareTokenField", "_token2"] })).not.toThrow();
  });

  it("rejects an empty item name, naming the builder's option and what the item holds", () => {
    // GIVEN a blank item name WHEN checked THEN it throws at the builder's item option
    expect(() => checkItemOptions({ ...options, item: ["cloudflareItem", " "] })).toThrow(
      'OPTION external-dns: cloudflareItem: the 1Password item name is empty\n  expected: the item holding the Cloudflare token\n  found:    ""',
    );
  });

  it("rejects a field a template cannot read", () => {
    // GIVEN a field with a dash, one with a leading digit, an empty one WHEN checked THEN each throws
    for (const field of ["api-token", "1token", ""]) {
      expect(() => checkItemOptions({ ...options, field: ["cloudflareTokenField", field] })).toThrow(
        `OPTION external-dns: cloudflareTokenField: not a field name the secret template can read\n  expected: letters, digits and '_', not starting with a digit\n  found:    ${JSON.stringify(field)}`,
      );
    }
  });
});
