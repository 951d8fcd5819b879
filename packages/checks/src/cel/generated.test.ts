import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CEL_RULES } from "../generated/cel-rules.js";
import { countRules } from "./extract.js";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCHEMAS = process.env.K8S_OPS_SCHEMAS ?? join(PACKAGE, "..", "..", "..", "shared", "schemas");
const present = existsSync(join(SCHEMAS, "crds"));
if (!present)
  console.warn(`${SCHEMAS}/crds not found: skipping the check that the generated CEL table is up to date`);

describe("the generated CEL table", () => {
  it("holds the rules of the licensed-compatible CRDs, none from the AGPL ones", () => {
    expect(countRules(CEL_RULES).rules).toBeGreaterThan(1000);
    expect(
      Object.keys(CEL_RULES).filter(
        (v) => v.startsWith("volsync.") || v.startsWith("fluxcd.controlplane.io"),
      ),
    ).toEqual([]);
    expect(Object.keys(CEL_RULES["gateway.networking.k8s.io/v1"] ?? {})).toContain("HTTPRoute");
  });

  it.skipIf(!present)(
    "equals a fresh generation from the pinned inputs",
    () => {
      const output = execFileSync(
        process.execPath,
        [join(PACKAGE, "scripts", "generate-cel-rules.ts"), "--check"],
        { encoding: "utf8", env: { ...process.env, K8S_OPS_SCHEMAS: SCHEMAS } },
      );
      expect(output).toBe("src/generated/cel-rules.ts is up to date\n");
      // Reading every pinned CRD takes tens of seconds on a loaded 2-core machine.
    },
    600_000,
  );
});
