import { describe, expect, it } from "vitest";
import { readRepoFile, repoFiles, yaml } from "./repo-files.js";

interface Rule {
  readonly path_regex: string;
  readonly encrypted_regex?: string;
  readonly mac_only_encrypted?: boolean;
  readonly key_groups: { age: string[] }[];
}

const sops = yaml.parse(readRepoFile(".sops.yaml")) as { creation_rules: Rule[] };
/** The first rule whose path_regex matches, as sops chooses. */
const ruleFor = (path: string) => sops.creation_rules.find((r) => new RegExp(r.path_regex).test(path));

describe(".sops.yaml", () => {
  it("encrypts Talos secrets whole and cluster Secrets' data only, for that cluster's key", () => {
    // GIVEN a file of each kind  WHEN the rule is chosen  THEN it encrypts what it should, MAC over those only
    const talos = ruleFor("clusters/infra/talos/secrets.sops.yaml");
    const secret = ruleFor("clusters/apps/apps/network/cloudflared/app/secret.sops.yaml");
    const shared = ruleFor("talos/secrets.sops.yml");
    expect(talos?.encrypted_regex).toBeUndefined();
    expect(shared?.encrypted_regex).toBeUndefined();
    expect(secret?.encrypted_regex).toBe("^(data|stringData)$");
    expect(talos?.key_groups[0]?.age).toEqual([expect.stringContaining("infra")]);
    expect(secret?.key_groups[0]?.age).toEqual([expect.stringContaining("apps")]);
    for (const rule of sops.creation_rules) expect(rule.mac_only_encrypted).toBe(true);
  });

  it("lists public age recipients only", () => {
    // GIVEN every recipient  THEN each is an age public key (or its placeholder), never a private key
    for (const rule of sops.creation_rules) {
      for (const key of rule.key_groups.flatMap((g) => g.age)) expect(key).toMatch(/^age1[0-9a-z]+$/);
    }
  });

  it("leaves no age private key and no unencrypted .sops file in the repository", () => {
    // GIVEN every file  THEN none holds an age private key, and every *.sops.yaml carries sops metadata
    const files = repoFiles().filter((f) => !f.includes("node_modules/") && !f.endsWith(".test.ts"));
    const withKey = files.filter((f) => /AGE-SECRET-KEY-1[0-9A-Z]{20,}/.test(readRepoFile(f)));
    expect(withKey).toEqual([]);
    for (const f of files.filter((f) => /(^|\/)[^/.][^/]*\.sops\.ya?ml$/.test(f)))
      expect(readRepoFile(f), f).toMatch(/^sops:/m);
  });
});
