import { readFileSync } from "node:fs";
import { SCHEMAS_DIR, schemaPresent } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cronProblem } from "./cron.js";

const CRD = `${SCHEMAS_DIR}/crds/volsync/volsync.backube_replicationsources.yaml`;

const ACCEPTED = [
  "0 * * * *",
  "*/15 * * * *",
  "30 2 * * 0",
  "0 0,12 * * *",
  "0 1-5 * * *",
  "5/10 * * * *",
  "0 0 1 1 *",
  "59 23 31 12 6",
  "@hourly",
  "@daily",
  "@weekly",
  "@monthly",
  "@yearly",
  "@annually",
];
const REFUSED = [
  "",
  "hourly",
  "0 * * *",
  "0 * * * * *",
  "0  * * * *",
  "0 0 * * MON",
  "0 0 1-5,10 * *",
  "@every 1h",
];

describe("cronProblem", () => {
  it("accepts the schedules VolSync runs", () => {
    // GIVEN valid schedules WHEN checked THEN none has a problem
    for (const schedule of ACCEPTED) expect(cronProblem(schedule), schedule).toBeUndefined();
  });

  it("refuses what is not five numeric fields or a macro", () => {
    // GIVEN malformed schedules WHEN checked THEN each is not a cron schedule
    for (const schedule of REFUSED)
      expect(cronProblem(schedule)?.message, schedule).toBe("not a cron schedule");
  });
});

describe.skipIf(!schemaPresent(CRD))("cronProblem and the CRD", () => {
  it("accepts no schedule the ReplicationSource CRD's pattern refuses", () => {
    // GIVEN the upstream CRD's pattern for spec.trigger.schedule
    const crd = parse(readFileSync(CRD, "utf8")) as {
      spec: { versions: { schema: { openAPIV3Schema: unknown } }[] };
    };
    const schema = crd.spec.versions[0]?.schema.openAPIV3Schema as {
      properties: { spec: { properties: { trigger: { properties: { schedule: { pattern: string } } } } } };
    };
    const pattern = new RegExp(schema.properties.spec.properties.trigger.properties.schedule.pattern);
    // WHEN every accepted schedule is matched THEN the CRD accepts it too
    for (const schedule of ACCEPTED) expect(pattern.test(schedule), schedule).toBe(true);
  });
});
