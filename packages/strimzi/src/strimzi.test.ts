import { fileURLToPath } from "node:url";
import { componentYaml } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, optionMessage, readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { strimzi } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const message = optionMessage("strimzi");

describe("strimzi", () => {
  it("renders the README example: the cluster operator", async () => {
    // GIVEN the README example
    // README:start
    const operator = strimzi({ watchNamespaces: ["kafka"] });
    // README:end
    // WHEN rendered THEN it validates and matches the reviewed snapshot
    await expect(componentYaml(operator)).toMatchFileSnapshot("__snapshots__/strimzi.default.yaml");
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("installs the pinned chart with the Strimzi CRDs and waits for it", () => {
    // GIVEN the defaults WHEN built
    const app = appOf(strimzi(), "strimzi-kafka-operator");
    // THEN the operator app in strimzi provides both CRD groups and pulls chart 1.2.0
    expect(app).toMatchObject({
      namespace: "strimzi",
      layer: "controllers",
      crds: ["kafka.strimzi.io/*", "core.strimzi.io/*"],
      wait: true,
    });
    expect(objectsOf(app, "OCIRepository")[0]?.spec).toMatchObject({
      ref: { tag: "1.2.0" },
      url: "oci://quay.io/strimzi-helm/strimzi-kafka-operator",
    });
  });

  it("watches every namespace by default", () => {
    expect(helmValues(appOf(strimzi(), "strimzi-kafka-operator"))).toEqual({
      replicas: 1,
      watchAnyNamespace: true,
    });
  });

  it("watchNamespaces: a list watches those besides its own", () => {
    const app = appOf(strimzi({ watchNamespaces: ["kafka", "events"] }), "strimzi-kafka-operator");
    expect(helmValues(app)).toMatchObject({ watchAnyNamespace: false, watchNamespaces: ["kafka", "events"] });
  });

  it("namespace and replicas: move and scale the operator", () => {
    const operator = strimzi({ namespace: "kafka-system", replicas: 2 });
    expect(operator.apps[0]?.namespace).toBe("kafka-system");
    expect(helmValues(appOf(operator, "strimzi-kafka-operator"))).toMatchObject({ replicas: 2 });
    expect(operator.operator).toEqual({
      type: "App",
      name: "strimzi-kafka-operator",
      namespace: "kafka-system",
      provider: { name: "strimzi-kafka-operator", namespace: "kafka-system" },
    });
  });

  it("rejects zero replicas, bad namespaces and its own namespace in the list", () => {
    expect(() => strimzi({ replicas: 0 })).toThrow(
      message("replicas", "the operator needs at least one replica", "an integer ≥ 1", "0"),
    );
    expect(() => strimzi({ watchNamespaces: ["Kafka"] })).toThrow(
      message(
        "watchNamespaces",
        "not a valid namespace name",
        "lowercase RFC 1123 labels such as kafka",
        '"Kafka"',
      ),
    );
    expect(() => strimzi({ watchNamespaces: ["strimzi"] })).toThrow(
      message(
        "watchNamespaces",
        "the operator always watches its own namespace; listing it makes the chart create its RoleBindings twice",
        "namespaces other than strimzi",
        '"strimzi"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error "all" or a list of namespaces
    strimzi({ watchNamespaces: "kafka" });
    // @ts-expect-error unknown option
    strimzi({ featureGates: "+UseKRaft" });
  });
});
