import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENCRYPTED_SECRET, SECRET_PATH, SOPS_CONFIG } from "./bad-input-support.js";
import { compliantCluster, createWorkspace, type TestWorkspace } from "./test-workspace.js";

const SERVED = '"volsync.backube/*", "postgresql.cnpg.io/*"';
const pvc = (annotations: string) =>
  `raw({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data", annotations: ${annotations} }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } })`;
const source = (schedule: string) =>
  `raw({ apiVersion: "volsync.backube/v1alpha1", kind: "ReplicationSource", metadata: { name: "data" }, spec: { sourcePVC: "data", trigger: { schedule: "${schedule}" }, restic: { repository: "data-restic", retain: { daily: 7, monthly: 12 } } } })`;
const app = (objects: string, files = "[]") =>
  `defineApp({ name: "shop", namespace: "shop", layer: "apps", objects: [${objects}], files: ${files} })`;
const REGULATED = '{ "k8s-ops.dev/data-class": "regulated", "k8s-ops.dev/rpo": "24h" }';
const FILES = '["extra.sops.yaml"]';
const EXTRA = "clusters/demo/apps/shop/shop/app/extra.sops.yaml";
/** web's hand-written, encrypted secret, in every workspace beside whatever the case adds. */
const SECRET_FILES = '["secret.sops.yaml"]';

/** What `check` alone catches (policies, files on disk) and what `render` refuses too. */
const CASES: {
  name: string;
  apps: string;
  files?: Record<string, string>;
  noSops?: boolean;
  error: string[];
  renderFails?: boolean;
}[] = [
  {
    name: "regulated data nobody backs up",
    apps: app(pvc(REGULATED)),
    error: [
      "    PersistentVolumeClaim shop/data",
      "      error BACKUP_MISSING metadata.annotations: PVC shop/data (regulated) is not backed up",
      "        expected: a ReplicationSource in shop with spec.sourcePVC: data",
      "        found:    none",
      "        hint:     add a VolSync ReplicationSource (or a CloudNativePG ScheduledBackup) for the data",
    ],
  },
  {
    name: "backups further apart than the RPO",
    apps: app(`${pvc(REGULATED)}, ${source("0 3 * * 1-5")}`),
    error: [
      "    ReplicationSource shop/data",
      "      error BACKUP_RPO spec.trigger.schedule: backups of shop/data can be 3d apart, more than its RPO",
      "        expected: at most 1d between runs (24h)",
      "        found:    0 3 * * 1-5 (worst case 3d)",
    ],
  },
  {
    name: "a backup schedule k8s-ops cannot read",
    apps: app(`${pvc(REGULATED)}, ${source("0 3 L * *")}`),
    error: [
      '      error CRON_INVALID spec.trigger.schedule: "L" in the day of month field uses L, W, # or H, which are not supported',
    ],
  },
  {
    name: "data without a data class",
    apps: app(pvc("{}")),
    error: [
      "      error DATA_CLASS metadata.annotations.k8s-ops.dev/data-class: PVC shop/data does not declare a data class",
    ],
  },
  {
    name: "a database without a scheduled backup",
    apps: app(
      `raw({ apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", metadata: { name: "db", annotations: ${REGULATED} }, spec: { instances: 3, storage: { size: "1Gi" } } })`,
    ),
    error: ["      error BACKUP_MISSING spec.backup: database shop/db (regulated) has no scheduled backup"],
  },
  {
    name: "a stray YAML file no kustomization.yaml lists",
    apps: app(""),
    files: {
      "clusters/demo/apps/shop/shop/app/stray.yaml":
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stray}\n",
    },
    error: [
      "    apps/shop/shop/app/stray.yaml",
      "      error ORPHAN_FILE no kustomization.yaml lists the file",
    ],
  },
  {
    name: "a hand-written file that is not YAML",
    apps: app("", FILES),
    files: { [EXTRA]: "key: [unclosed\n" },
    error: ["    apps/shop/shop/app/extra.sops.yaml", "      error YAML_INVALID not valid YAML"],
    renderFails: true,
  },
  {
    name: "an encrypted file no .sops.yaml rule matches",
    apps: app("", FILES),
    files: { [EXTRA]: ENCRYPTED_SECRET },
    noSops: true,
    error: [
      "      error SOPS_CONFIG no creation rule of .sops.yaml matches the encrypted file",
      "        expected: a creation_rules entry whose path_regex matches",
      "        found:    no .sops.yaml",
    ],
    renderFails: true,
  },
  {
    name: "a *.sops.yaml file nobody encrypted",
    apps: app("", FILES),
    files: {
      [EXTRA]: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\nstringData:\n  token: hunter2\n",
    },
    error: ["      error PLAINTEXT_SECRET a Secret with data is in git unencrypted"],
    renderFails: true,
  },
];

describe("k8s-ops check on bad input render does not refuse", () => {
  let ws: TestWorkspace;
  beforeEach(() => {
    ws = createWorkspace();
    ws.write(".sops.yaml", SOPS_CONFIG);
    ws.write(`clusters/demo/${SECRET_PATH}`, ENCRYPTED_SECRET);
  });
  afterEach(() => ws.remove());

  it.each(CASES)(
    "$name: reported with its place and hint, exit 1, nothing written",
    ({ apps, files, noSops, error, renderFails }) => {
      // GIVEN a compliant cluster with the bad part added
      ws.writeCluster(compliantCluster({ extraApps: apps, served: SERVED, files: SECRET_FILES }));
      for (const [path, content] of Object.entries(files ?? {})) ws.write(path, content);
      if (noSops) rmSync(join(ws.root, ".sops.yaml"));
      const before = ws.tree();
      // WHEN
      const check = ws.run("check", "--skip-kustomize");
      // THEN
      expect(check.stdout).toContain(`${error.join("\n")}\n`);
      expect(check.status).toBe(1);
      expect(ws.tree()).toEqual(before);
      // AND render refuses what would be unsafe to write, and writes what only fails a policy
      const render = ws.run("render");
      expect(render.status).toBe(renderFails ? 1 : 0);
      if (renderFails) expect(ws.tree()).toEqual(before);
      expect(ws.tree().get(SECRET_PATH)).toBe(ENCRYPTED_SECRET);
    },
  );

  it("reports a folder kubectl kustomize cannot build", (context) => {
    // GIVEN a hand-written file kustomize refuses (an object without a name)
    ws.writeCluster(compliantCluster({ extraApps: app("", FILES), files: SECRET_FILES }));
    ws.write(EXTRA, "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n");
    // WHEN
    const check = ws.run("check");
    if (check.stdout.includes("kubectl not found")) {
      console.warn("kubectl not found: the kustomize build failure is not exercised here");
      context.skip();
    }
    // THEN
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("      error KUSTOMIZE_BUILD kubectl kustomize fails on the folder\n");
  });
});
