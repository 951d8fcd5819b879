import { helmApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, viewOf } from "../test-support.js";
import { orphanFiles } from "./orphans.js";

const web = helmApp({
  name: "web",
  namespace: "default",
  layer: "apps",
  chart: { url: "oci://r.example.org/c/web", tag: "1.0.0" },
  files: ["secret.sops.yaml"],
});

describe("orphanFiles", () => {
  it("accepts a rendered tree with its listed hand-written file", () => {
    const cluster = viewOf(
      inputOf([{ name: "web", apps: [web] }], {
        extra: { "apps/default/web/app/secret.sops.yaml": "kind: Secret\n" },
      }),
    );
    expect(orphanFiles(cluster)).toEqual([]);
  });

  it("reports a YAML file no kustomization.yaml lists and a folder no Kustomization builds", () => {
    // GIVEN a stray file beside the app and a stray folder
    const extra = {
      "apps/default/web/app/stray.yaml": "kind: ConfigMap\n",
      "apps/old/kustomization.yaml": "resources: []\n",
    };
    // WHEN
    const findings = orphanFiles(
      viewOf(
        inputOf([{ name: "web", apps: [web] }], {
          extra: { ...extra, "apps/default/web/app/secret.sops.yaml": "x: 1\n" },
        }),
      ),
    );
    // THEN
    expect(lines(findings)).toEqual([
      "ORPHAN_FILE clusters/test/apps/default/web/app/stray.yaml: no kustomization.yaml lists the file",
      "ORPHAN_FILE clusters/test/apps/old/kustomization.yaml: no Flux Kustomization builds this folder",
    ]);
  });
});
