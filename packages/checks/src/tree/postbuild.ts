import { type CheckFinding, finding } from "../finding.js";
import { at, isObject, type Json, str, type TreeDocument } from "./documents.js";
import { describe, type FluxKustomization, kustomizationPath, type TreeObject } from "./model.js";
import { hasVariables, substituteJson, VARIABLE_NAME } from "./substitute.js";

export const SUBSTITUTE_ANNOTATION = "kustomize.toolkit.fluxcd.io/substitute";
const CLUSTER_SECRETS = "cluster-secrets";

interface PostBuildWalk {
  readonly cluster: string;
  readonly objects: readonly TreeObject[];
  readonly findings: CheckFinding[];
  readonly options: { readonly secretVariables?: readonly string[] };
  /** Namespaces already reported for substituting secret variables that nothing writes. */
  readonly secretSourcesMissing: Set<string>;
}

/** Flux's postBuild: substitutes `${VAR}` in every document that does not opt out; reports what it cannot. */
export function substituteKustomization(
  walk: PostBuildWalk,
  ks: FluxKustomization,
  documents: readonly TreeDocument[],
): TreeDocument[] {
  const spec = isObject(ks.json.spec) ? ks.json.spec : {};
  const postBuild = isObject(spec.postBuild) ? spec.postBuild : undefined;
  if (!postBuild) {
    const using = documents.find((doc) => !optedOut(doc.json) && hasVariables(doc.json));
    if (using) {
      walk.findings.push(
        finding(
          "SUBSTITUTION",
          kustomizationPath(walk.cluster, ks, "spec.postBuild"),
          "objects use ${…} but the Kustomization has no postBuild, so Flux leaves them as written",
          {
            expected: "postBuild.substitute or postBuild.substituteFrom",
            found: `no postBuild (first use in ${using.file})`,
          },
        ),
      );
    }
    return [...documents];
  }
  const values = variablesOf(walk, ks, postBuild);
  return documents.map((doc) => (optedOut(doc.json) ? doc : substituteDocument(walk, ks, doc, values)));
}

function substituteDocument(
  walk: PostBuildWalk,
  ks: FluxKustomization,
  doc: TreeDocument,
  values: ReadonlyMap<string, string | undefined>,
): TreeDocument {
  const result = substituteJson(doc.json, values);
  for (const problem of result.problems) {
    const at = `${walk.cluster} › ${ks.id} › ${describeDoc(doc.json)}: ${problem.field}`;
    walk.findings.push(
      problem.name === ""
        ? finding("VAR_UNDEFINED", at, "substitution has no valid variable name", {
            expected: "${NAME} with NAME matching ^[_a-zA-Z][_a-zA-Z0-9]*$",
            found: problem.raw,
          })
        : finding("VAR_UNDEFINED", at, `variable ${problem.name} is not defined`, {
            expected: `one of ${[...values.keys()].sort().join(", ")}, or \${${problem.name}:=default}`,
            found: problem.raw,
          }),
    );
  }
  return { ...doc, json: result.json };
}

/** Every variable the Kustomization defines: its substitute, then each substituteFrom source, in Flux's order. */
function variablesOf(
  walk: PostBuildWalk,
  ks: FluxKustomization,
  postBuild: Json,
): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  const sources = Array.isArray(postBuild.substituteFrom) ? postBuild.substituteFrom.filter(isObject) : [];
  for (const source of sources) {
    const kind = str(source.kind) ?? "";
    const name = str(source.name) ?? "";
    const object = walk.objects.find(
      (o) => o.kind === kind && o.name === name && o.namespace === ks.namespace,
    );
    if (object) addData(walk, object, values);
    else if (kind === "Secret" && name === CLUSTER_SECRETS) addSecretVariables(walk, ks, values);
    if (!object && source.optional !== true) {
      walk.findings.push(
        finding(
          "SUBSTITUTION",
          kustomizationPath(walk.cluster, ks, "spec.postBuild.substituteFrom"),
          `${kind} ${name} is not rendered in the Kustomization's namespace`,
          {
            expected: `a ${kind} ${ks.namespace}/${name}, or optional: true`,
            found: "none",
          },
        ),
      );
    }
  }
  const substitute = isObject(postBuild.substitute) ? postBuild.substitute : {};
  checkValues(walk, kustomizationPath(walk.cluster, ks, "spec.postBuild.substitute"), substitute);
  for (const [key, value] of Object.entries(substitute))
    values.set(key, typeof value === "string" ? value : String(value));
  return values;
}

/**
 * The cluster's secret variables, whose values stay out of git: defined when something writes the cluster-secrets
 * Secret in the Kustomization's namespace (an ExternalSecret; an encrypted Secret is found as an object itself).
 */
function addSecretVariables(
  walk: PostBuildWalk,
  ks: FluxKustomization,
  values: Map<string, string | undefined>,
): void {
  const names = walk.options.secretVariables ?? [];
  for (const key of names) values.set(key, undefined);
  if (names.length === 0 || walk.secretSourcesMissing.has(ks.namespace)) return;
  const writer = walk.objects.find(
    (o) =>
      o.kind === "ExternalSecret" &&
      o.namespace === ks.namespace &&
      externalSecretTarget(o) === CLUSTER_SECRETS,
  );
  if (writer) return;
  walk.secretSourcesMissing.add(ks.namespace);
  walk.findings.push(
    finding(
      "SECRET_SOURCE_MISSING",
      kustomizationPath(walk.cluster, ks, "spec.postBuild.substituteFrom"),
      `nothing writes the Secret ${CLUSTER_SECRETS} in namespace ${ks.namespace}: Flux would substitute empty values`,
      {
        expected: `an ExternalSecret or a sops-encrypted Secret ${ks.namespace}/${CLUSTER_SECRETS} with ${names.join(", ")}`,
        found: "none",
      },
    ),
  );
}

/** The Secret an ExternalSecret writes: spec.target.name, or its own name. */
function externalSecretTarget(object: TreeObject): string {
  return str(at(object.json, "spec.target.name")) ?? object.name;
}

function addData(walk: PostBuildWalk, object: TreeObject, values: Map<string, string | undefined>): void {
  const data = isObject(object.json.data) ? object.json.data : {};
  const stringData = isObject(object.json.stringData) ? object.json.stringData : {};
  const secret = object.kind === "Secret";
  if (!secret) checkValues(walk, `${walk.cluster} › ${object.owner} › ${describe(object)}: data`, data);
  for (const [key, value] of Object.entries({ ...data, ...stringData })) {
    values.set(key, secret || typeof value !== "string" ? undefined : value);
  }
}

/** Variable names Flux accepts, and string values: an unquoted number or boolean is not substituted as written. */
function checkValues(walk: PostBuildWalk, at: string, data: Json): void {
  for (const [key, value] of Object.entries(data)) {
    if (!VARIABLE_NAME.test(key)) {
      walk.findings.push(
        finding("SUBSTITUTION", `${at}.${key}`, "not a valid variable name", {
          expected: "a name matching ^[_a-zA-Z][_a-zA-Z0-9]*$",
          found: key,
        }),
      );
    }
    if (typeof value !== "string") {
      walk.findings.push(
        finding("NUMBER_NOT_QUOTED", `${at}.${key}`, "the value is not a string", {
          expected: "a quoted value",
          found: JSON.stringify(value),
        }),
      );
    }
  }
}

function optedOut(json: Json): boolean {
  const metadata = isObject(json.metadata) ? json.metadata : {};
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  return annotations[SUBSTITUTE_ANNOTATION] === "disabled";
}

function describeDoc(json: Json): string {
  const metadata = isObject(json.metadata) ? json.metadata : {};
  return describe({
    kind: str(json.kind) ?? "",
    name: str(metadata.name) ?? "",
    namespace: str(metadata.namespace),
  });
}
