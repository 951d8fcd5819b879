import { defineApp, helmApp } from "@k8s-ops/core";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { describe, expect, it } from "vitest";
import { inputOf, lines, raw, viewOf } from "../test-support.js";
import { imageProblem, unpinnedImages } from "./images.js";

const chart = { url: "oci://r.example.org/c/web", tag: "1.0.0" };

describe("unpinnedImages", () => {
  it("reports latest and missing tags in Helm values and in pod templates", () => {
    // GIVEN values with a repository/tag pair on latest, a repository without tag, an image string without tag
    const values = {
      image: { repository: "ghcr.io/example/web", tag: "latest" },
      sidecar: { image: { repository: "ghcr.io/example/proxy" } },
      job: { image: "busybox" },
    };
    const web = helmApp({ name: "web", namespace: "default", layer: "apps", chart, values });
    const deploy = new Deployment({
      metadata: { name: "api" },
      spec: {
        selector: {},
        template: { spec: { containers: [{ name: "api", image: "ghcr.io/example/api:latest" }] } },
      },
    });
    const api = defineApp({ name: "api", namespace: "default", layer: "apps", objects: [deploy] });
    // WHEN
    const findings = unpinnedImages(viewOf(inputOf([{ name: "x", apps: [web, api] }])));
    // THEN
    expect(lines(findings)).toEqual([
      "IMAGE_UNPINNED test › default/api › Deployment default/api: spec.template.spec.containers.0.image: the image tag is latest",
      "IMAGE_UNPINNED test › default/web › HelmRelease default/web: spec.values.image.tag: the image tag is latest",
      "IMAGE_UNPINNED test › default/web › HelmRelease default/web: spec.values.job.image: the image has no tag",
      "IMAGE_UNPINNED test › default/web › HelmRelease default/web: spec.values.sidecar.image.tag: the image repository is set without a tag",
    ]);
  });

  it("accepts exact tags and digests", () => {
    expect(imageProblem("ghcr.io/example/web:1.2.3")).toBeUndefined();
    expect(imageProblem("registry:5000/web@sha256:abcd")).toBeUndefined();
    expect(imageProblem("registry:5000/web")).toBe("the image has no tag");
    expect(imageProblem("${IMAGE}")).toBeUndefined();
  });
});

describe("unpinnedImages, what is not an image", () => {
  it("leaves a restic repository (a Secret name) and chart repositories alone", () => {
    // GIVEN a VolSync source naming its restic repository, and values with a Helm repository URL
    const source = raw({
      apiVersion: "volsync.backube/v1alpha1",
      kind: "ReplicationSource",
      metadata: { name: "data" },
      spec: { sourcePVC: "data", restic: { repository: "data-restic" } },
    });
    const app = defineApp({ name: "data", namespace: "default", layer: "apps", objects: [source] });
    const web = helmApp({
      name: "web",
      namespace: "default",
      layer: "apps",
      chart,
      values: { backup: { repository: "data-restic" }, charts: { repository: "https://charts.example.org" } },
    });
    // WHEN / THEN
    expect(
      unpinnedImages(viewOf(inputOf([{ name: "x", apps: [app, web] }], { served: ["volsync.backube/*"] }))),
    ).toEqual([]);
  });
});
