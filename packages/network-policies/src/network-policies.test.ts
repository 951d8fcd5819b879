import { fileURLToPath } from "node:url";
import { renderComponents, testSettings } from "@k8s-ops/core";
import { readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { networkPolicies } from "./index.js";
import { appIn, baseline, ciliumStub, clusterwide, PROXIES, policiesYaml } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const ALLOW_ONLY = { egress: false, ingress: false };

describe("networkPolicies", () => {
  it("renders the README example, and the README shows it and excerpts of its YAML", async () => {
    // GIVEN the README example
    // README:start
    const policies = networkPolicies({
      exempt: ["kube-system", "flux-system"],
      egress: {
        "cert-manager": ["world"],
        "external-secrets": ["world"],
        network: ["world"],
        observability: [{ entity: "world", ports: [443] }],
        "rook-ceph": [{ entity: "nodes", ports: [3300, 6789, { port: 6800, endPort: 7300 }] }],
        "system-upgrade": ["nodes"],
      },
      ingress: {
        observability: [{ cidrs: ["10.25.11.14/32", "10.25.11.15/32"], ports: [8427, 9428] }],
      },
    });
    // README:end
    // WHEN rendered THEN it validates and matches the reviewed snapshot
    const yaml = policiesYaml(policies);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/network-policies.example.yaml");
    // AND the README shows the example and excerpts of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("renders the default component as the reviewed snapshot", async () => {
    // GIVEN no options WHEN rendered THEN the YAML validates and matches
    await expect(policiesYaml(networkPolicies())).toMatchFileSnapshot(
      "__snapshots__/network-policies.default.yaml",
    );
  });

  it("puts the baseline into every namespace of the cluster", () => {
    // GIVEN the policies and apps in two namespaces WHEN rendered
    const rendered = renderComponents([ciliumStub(), networkPolicies(), appIn("apps")], testSettings());
    // THEN each namespace's kustomization includes the component, whose kustomization lists the policies
    for (const ns of ["apps", "kube-system"]) {
      const kustomization = parse(rendered.files.get(`apps/${ns}/kustomization.yaml`) ?? "") as {
        components: string[];
      };
      expect(kustomization.components).toContain("../../components/network-policies");
    }
    expect(parse(rendered.files.get("components/network-policies/kustomization.yaml") ?? "")).toEqual({
      apiVersion: "kustomize.config.k8s.io/v1alpha1",
      kind: "Component",
      resources: ["./ciliumnetworkpolicy.yaml"],
    });
  });

  it("denies all ingress and egress of every endpoint outside the exempt namespaces", () => {
    // GIVEN the defaults WHEN built
    const deny = baseline(networkPolicies()).get("baseline-default-deny");
    // THEN the policy selects every endpoint of its namespace unless the namespace is exempt, and allows nothing
    expect(deny?.spec).toEqual({
      description: "Deny everything the other policies do not allow.",
      egress: [{}],
      endpointSelector: {
        matchExpressions: [
          {
            key: "k8s:io.kubernetes.pod.namespace",
            operator: "NotIn",
            values: ["flux-system", "kube-system"],
          },
        ],
      },
      ingress: [{}],
    });
  });

  it("allows without enabling default deny anywhere else", () => {
    // GIVEN the defaults WHEN built
    const policies = networkPolicies();
    const allows = [...baseline(policies), ...clusterwide(policies)].filter(
      ([name]) => name !== "baseline-default-deny",
    );
    // THEN every other policy opts out of default deny, so exempt namespaces stay fully open
    expect(allows.length).toBe(10);
    for (const [, policy] of allows) expect(policy.spec).toMatchObject({ enableDefaultDeny: ALLOW_ONLY });
  });

  it("allows DNS to CoreDNS through Cilium's DNS proxy, and the API server", () => {
    // GIVEN the defaults WHEN built
    const policies = baseline(networkPolicies());
    // THEN DNS goes to kube-dns on 53 UDP and TCP with an L7 DNS rule, and the API server is reachable
    expect(policies.get("baseline-allow-dns")?.spec).toMatchObject({
      egress: [
        {
          toEndpoints: [
            { matchLabels: { "k8s:io.kubernetes.pod.namespace": "kube-system", "k8s:k8s-app": "kube-dns" } },
          ],
          toPorts: [
            {
              ports: [
                { port: "53", protocol: "UDP" },
                { port: "53", protocol: "TCP" },
              ],
              rules: { dns: [{ matchPattern: "*" }] },
            },
          ],
        },
      ],
      endpointSelector: {},
    });
    expect(policies.get("baseline-allow-kube-apiserver")?.spec).toMatchObject({
      egress: [{ toEntities: ["kube-apiserver"] }],
    });
  });

  it("allows the namespace itself, the gateways' proxies and the scrapers", () => {
    // GIVEN the defaults WHEN built
    const policies = baseline(networkPolicies());
    // THEN same-namespace traffic flows both ways, the proxies get in (and are reachable), monitoring gets in
    expect(policies.get("baseline-allow-same-namespace")?.spec).toMatchObject({
      egress: [{ toEndpoints: [{}] }],
      ingress: [{ fromEndpoints: [{}] }],
    });
    expect(policies.get("baseline-allow-gateways")?.spec).toMatchObject({
      egress: [{ toEndpoints: [PROXIES] }],
      ingress: [{ fromEndpoints: [PROXIES] }],
    });
    expect(policies.get("baseline-allow-monitoring")?.spec).toMatchObject({
      ingress: [{ fromEndpoints: [{ matchLabels: { "k8s:io.kubernetes.pod.namespace": "observability" } }] }],
    });
  });

  it("gives the default namespaces their extra egress, each target in one policy", () => {
    // GIVEN the defaults WHEN built
    const policies = baseline(networkPolicies());
    // THEN world egress selects the namespaces that need the internet, node egress system-upgrade
    expect(policies.get("baseline-allow-egress-world")?.spec).toMatchObject({
      egress: [{ toEntities: ["world"] }],
      endpointSelector: {
        matchExpressions: [
          {
            key: "k8s:io.kubernetes.pod.namespace",
            operator: "In",
            values: ["cert-manager", "external-secrets", "network"],
          },
        ],
      },
    });
    expect(policies.get("baseline-allow-egress-nodes")?.spec).toMatchObject({
      egress: [{ toEntities: ["host", "remote-node"] }],
      endpointSelector: {
        matchExpressions: [
          { key: "k8s:io.kubernetes.pod.namespace", operator: "In", values: ["system-upgrade"] },
        ],
      },
    });
    expect(policies.has("baseline-allow-egress-cluster")).toBe(false);
  });

  it("puts the cluster-wide policies in an app after Cilium", () => {
    // GIVEN the defaults WHEN rendered with Cilium
    const policies = networkPolicies();
    const files = renderComponents([ciliumStub(), policies], testSettings()).files;
    const [ks] = parseAllDocuments(files.get("apps/kube-system/network-policies/ks.yaml") ?? "").map(
      (d) => d.toJS() as { spec: Record<string, unknown> },
    );
    // THEN the app is in kube-system, layer config, and depends on the app serving cilium.io
    expect(policies.apps[0]).toMatchObject({
      name: "network-policies",
      namespace: "kube-system",
      layer: "config",
    });
    expect(ks?.spec.dependsOn).toEqual([{ name: "cilium", namespace: "kube-system" }]);
    // AND node, health and API server traffic reaches every pod, the proxies are open, the scrapers reach out
    const ccnps = clusterwide(policies);
    expect(ccnps.get("baseline-node-traffic")?.spec).toMatchObject({
      endpointSelector: {},
      ingress: [{ fromEntities: ["host", "remote-node", "health", "kube-apiserver"] }],
    });
    expect(ccnps.get("baseline-gateway-proxies")?.spec).toMatchObject({
      egress: [{ toEntities: ["cluster"] }],
      endpointSelector: PROXIES,
      ingress: [{ fromEntities: ["world", "cluster"] }],
    });
    expect(ccnps.get("baseline-monitoring")?.spec).toMatchObject({
      egress: [{ toEntities: ["cluster"] }],
      endpointSelector: { matchLabels: { "k8s:io.kubernetes.pod.namespace": "observability" } },
    });
  });

  it("validates every policy against its schema (core does not check namespace components)", () => {
    // GIVEN every option that adds a policy WHEN built
    const rules = [
      { entity: "nodes", ports: [3300, { port: 6800, endPort: 7300 }, { port: 53, protocol: "UDP" }] },
      { cidrs: ["10.25.11.72/32", "2001:db8::/32"], ports: [8427] },
      { cidrs: ["192.0.2.0/24"] },
    ] as const;
    const policies = networkPolicies({
      egress: { apps: ["world", "nodes", "cluster", ...rules] },
      ingress: { apps: [{ cidrs: ["10.25.11.14/32"], ports: [8427] }, { cidrs: ["192.0.2.0/24"] }] },
    });
    // THEN each object passes its model's validation
    const objects = [
      ...policies.namespaceComponents.flatMap((c) => c.objects),
      ...policies.apps.flatMap((a) => a.objects),
    ];
    expect(objects.length).toBe(14);
    for (const object of objects) expect(() => object.validate?.()).not.toThrow();
  });
});
