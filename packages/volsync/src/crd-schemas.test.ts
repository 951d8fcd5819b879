import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEMAS_DIR, schemaPresent, valuesErrors } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { backup } from "./index.js";
import { base, openebs } from "./test-support.js";

const DIR = `${SCHEMAS_DIR}/crds/volsync`;

/** The v1alpha1 openAPIV3Schema of an upstream CRD file, written as a JSON Schema file for valuesErrors. */
function schemaFile(crd: string): string {
  const doc = parse(readFileSync(join(DIR, crd), "utf8")) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] };
  };
  const version = doc.spec.versions.find((v) => v.name === "v1alpha1");
  const file = join(mkdtempSync(join(tmpdir(), "volsync-crd-")), `${crd}.json`);
  writeFileSync(file, JSON.stringify(version?.schema.openAPIV3Schema));
  return file;
}

describe.skipIf(!schemaPresent(DIR))("backup objects and VolSync's upstream CRDs", () => {
  it("the ReplicationSource and ReplicationDestination match the CRD schemas, default and with every option", () => {
    // GIVEN a default backup and one setting every option
    const source = schemaFile("volsync.backube_replicationsources.yaml");
    const destination = schemaFile("volsync.backube_replicationdestinations.yaml");
    const full = backup({
      ...base,
      pvc: "config",
      schedule: "@daily",
      retention: { hourly: 24, daily: 7, weekly: 4, monthly: 12 },
      cacheStorageClass: openebs.storageClass,
      cacheCapacity: "8Gi",
      moverSecurityContext: { runAsUser: 568, runAsGroup: 568, fsGroup: 100 },
      pruneIntervalDays: 7,
    });
    // WHEN validated against the upstream schemas THEN there are no errors
    for (const data of [backup(base), full]) {
      expect(valuesErrors(source, data.objects[1].toJSON())).toEqual([]);
      expect(valuesErrors(destination, data.objects[2].toJSON())).toEqual([]);
    }
  });
});
