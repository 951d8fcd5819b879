import { OptionError } from "@k8s-ops/core";

/** A field a secret template can read as `{{ .<field> }}`: letters, digits and '_', no leading digit. */
const TEMPLATE_FIELD = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/** The options by which a builder names the 1Password item it takes a secret from, and the field it reads. */
export interface ItemOptions {
  /** The builder, as its OptionError paths name it, e.g. `cert-manager`. */
  readonly builder: string;
  /** The option naming the item, and its value, e.g. `["cloudflareItem", "cloudflare"]`. */
  readonly item: readonly [option: string, value: string];
  /** The option naming the field the template reads, and its value, e.g. `["cloudflareTokenField", "x"]`. */
  readonly field: readonly [option: string, value: string];
  /** What the item holds, for the message, e.g. `the Cloudflare token`. */
  readonly holds: string;
}

/**
 * Checks a builder's item options before it builds its `storeSecret`: throws an OptionError naming the
 * builder's option when the item name is empty or the field is not one a secret template can read.
 */
export function checkItemOptions(options: ItemOptions): void {
  const [itemOption, item] = options.item;
  const [fieldOption, field] = options.field;
  if (item.trim() === "") {
    throw new OptionError({
      path: `${options.builder}: ${itemOption}`,
      message: "the 1Password item name is empty",
      expected: `the item holding ${options.holds}`,
      found: '""',
    });
  }
  if (!TEMPLATE_FIELD.test(field)) {
    throw new OptionError({
      path: `${options.builder}: ${fieldOption}`,
      message: "not a field name the secret template can read",
      expected: "letters, digits and '_', not starting with a digit",
      found: JSON.stringify(field),
    });
  }
}
