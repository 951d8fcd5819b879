import { parse } from "yaml";
import type { ClusterView, RepositoryInput } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import { objectPath, type TreeObject } from "../tree/model.js";

interface CreationRule {
  readonly pathRegex?: string;
  readonly encryptedRegex?: string;
}

/**
 * §24: no Secret with data in git unless it is a `*.sops.yaml` file encrypted by sops, matched by a creation rule of
 * `.sops.yaml` that encrypts data and stringData, and applied by a Kustomization that decrypts with sops.
 */
export function plaintextSecrets(cluster: ClusterView, repository: RepositoryInput): CheckFinding[] {
  const rules = creationRules(repository.sopsConfig);
  const findings: CheckFinding[] = [];
  for (const secret of cluster.tree.objects.filter((o) => o.kind === "Secret" && o.apiVersion === "v1")) {
    if (!hasData(secret)) continue;
    const path = objectPath(cluster.name, secret);
    if (!isEncrypted(secret)) {
      findings.push(
        finding("PLAINTEXT_SECRET", path, "a Secret with data is in git unencrypted", {
          expected: "an ExternalSecret, or a *.sops.yaml file encrypted with sops",
          found: `plaintext in ${cluster.root}/${secret.file}`,
        }),
      );
      continue;
    }
    findings.push(...sopsFindings(cluster, secret, rules, path));
  }
  return findings;
}

function sopsFindings(
  cluster: ClusterView,
  secret: TreeObject,
  rules: readonly CreationRule[] | undefined,
  path: string,
): CheckFinding[] {
  const file = `${cluster.root}/${secret.file}`;
  const rule = rules?.find((r) => r.pathRegex === undefined || safeTest(r.pathRegex, file));
  const findings: CheckFinding[] = [];
  if (!rule) {
    findings.push(
      finding("SOPS_CONFIG", path, "no creation rule of .sops.yaml matches the encrypted file", {
        expected: "a creation_rules entry whose path_regex matches",
        found: rules ? file : "no .sops.yaml",
      }),
    );
  } else if (
    rule.encryptedRegex !== undefined &&
    !(safeTest(rule.encryptedRegex, "data") && safeTest(rule.encryptedRegex, "stringData"))
  ) {
    findings.push(
      finding("SOPS_CONFIG", path, "the matching creation rule does not encrypt data and stringData", {
        expected: "encrypted_regex: ^(data|stringData)$",
        found: rule.encryptedRegex,
      }),
    );
  }
  return [...findings, ...decryptionFindings(cluster, secret)];
}

/** The Kustomization applying an encrypted file must decrypt it. */
function decryptionFindings(cluster: ClusterView, secret: TreeObject): CheckFinding[] {
  const owner = cluster.tree.kustomizations.get(secret.owner);
  if (!owner || at(owner.json, "spec.decryption.provider") === "sops") return [];
  return [
    finding(
      "SOPS_CONFIG",
      `${cluster.name} › ${secret.owner}: spec.decryption`,
      "the Kustomization applies a sops-encrypted file without decrypting it",
      {
        expected: "decryption.provider: sops",
        found: JSON.stringify(at(owner.json, "spec.decryption") ?? null),
      },
    ),
  ];
}

function hasData(secret: TreeObject): boolean {
  return [secret.json.data, secret.json.stringData].some((d) => isObject(d) && Object.keys(d).length > 0);
}

function isEncrypted(secret: TreeObject): boolean {
  return (
    /\.sops\.ya?ml$/.test(secret.file) &&
    isObject(secret.json.sops) &&
    typeof secret.json.sops.mac === "string"
  );
}

/** The creation rules of a `.sops.yaml`; undefined when there is none. */
export function creationRules(config: string | undefined): CreationRule[] | undefined {
  if (config === undefined) return undefined;
  const parsed: unknown = parse(config);
  const rules =
    isObject(parsed) && Array.isArray(parsed.creation_rules) ? parsed.creation_rules.filter(isObject) : [];
  return rules.map((rule) => ({
    ...(typeof rule.path_regex === "string" ? { pathRegex: rule.path_regex } : {}),
    ...(typeof rule.encrypted_regex === "string" ? { encryptedRegex: rule.encrypted_regex } : {}),
  }));
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}
