import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import type { NetworkPolicy } from "kubernetes-types/networking/v1.js";
import type { Rendered } from "../../src/render/render.ts";
import { allows, selects, type Labels } from "../support/network-policy.ts";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const pod = (component: string): Labels => ({ "app.kubernetes.io/instance": "vendata", "app.kubernetes.io/component": component });

// [from, to, allowed]: the flows the stack needs, and some it must not have.
const FLOWS: [string, string, boolean][] = [
  ["nginx", "api", true],
  ["nginx", "frontend", true],
  ["frontend", "api", false],
  ["api", "mongo", true],
  ["api", "redis", true],
  ["mongo", "mongo", true],
  ["redis", "redis", true],
  ["test", "api", true],
  ["nginx", "mongo", false],
  ["nginx", "redis", false],
  ["api", "nginx", false],
  ["redis", "mongo", false],
  ["mongo", "api", false],
  ["grafana", "mongo", false],
];

/** Every pod the release runs, by the labels of its template. */
function podTemplates(r: Rendered): { pod: string; labels: Labels }[] {
  const of = (kind: string, name: string | undefined, labels: Labels | undefined) => ({ pod: `${kind}/${name ?? ""}`, labels: labels ?? {} });
  return [
    ...r.all("Deployment").map((d) => of("Deployment", d.metadata?.name, d.spec?.template.metadata?.labels)),
    ...r.all("StatefulSet").map((s) => of("StatefulSet", s.metadata?.name, s.spec?.template.metadata?.labels)),
    ...r.all("Job").map((j) => of("Job", j.metadata?.name, j.spec?.template.metadata?.labels)),
    ...r.all("CronJob").map((c) => of("CronJob", c.metadata?.name, c.spec?.jobTemplate.spec?.template.metadata?.labels)),
    ...r.all("Pod").map((p) => of("Pod", p.metadata?.name, p.metadata?.labels)),
  ];
}

const CHART = "helm.sh/chart";
const COMPONENT = "app.kubernetes.io/component";
/** The group a policy is written for: the one component its pod selector names (none for default deny, the scrape and backup policies). */
const groupOf = (policy: NetworkPolicy): string | undefined => policy.spec?.podSelector.matchLabels?.[COMPONENT];

describe.each(PHASES)("%s network policies", (phase) => {
  it("select some rendered pod with every policy (kube-score networkpolicy-targets-pod)", async () => {
    const r = await renderPhase(phase);
    const pods = podTemplates(r);
    for (const policy of r.all("NetworkPolicy")) expect(pods.some((p) => selects(policy.spec?.podSelector, p.labels)), policy.metadata?.name).toBe(true);
  });

  it("select every pod by default deny and by the policy of its own group, rendered by its own chart", async () => {
    const r = await renderPhase(phase);
    const policies = r.all("NetworkPolicy");
    for (const { pod, labels } of podTemplates(r)) {
      const selecting = policies.filter((p) => selects(p.spec?.podSelector, labels));
      expect(selecting.map((p) => p.metadata?.name), pod).toContain("vendata-default-deny");
      const own = selecting.filter((p) => groupOf(p) !== undefined);
      expect(own.map((p) => p.metadata?.name), pod).toEqual([`vendata-allow-${labels[COMPONENT]}`]);
      expect(own[0]?.metadata?.labels?.[CHART], pod).toBe(labels[CHART]);
    }
  });

  it("let each group's policy select only pods of its own group and chart, never another's", async () => {
    const r = await renderPhase(phase);
    const pods = podTemplates(r);
    for (const policy of r.all("NetworkPolicy").filter((p) => groupOf(p) !== undefined)) {
      const selected = pods.filter((p) => selects(policy.spec?.podSelector, p.labels));
      for (const { pod, labels } of selected) {
        expect(labels[COMPONENT], `${policy.metadata?.name} selects ${pod}`).toBe(groupOf(policy));
        expect(labels[CHART], `${policy.metadata?.name} selects ${pod}`).toBe(policy.metadata?.labels?.[CHART]);
      }
    }
  });

  it("deny by default every pod of the release", async () => {
    const r = await renderPhase(phase);
    const deny = r.find("NetworkPolicy", "vendata-default-deny");
    expect(deny.spec?.podSelector.matchLabels).toEqual({ "app.kubernetes.io/instance": "vendata" });
    expect(deny.spec?.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(deny.spec?.ingress).toBeUndefined();
  });

  it.each(FLOWS)("from %s to %s: allowed %s", async (from, to, allowed) => {
    const policies = (await renderPhase(phase)).all("NetworkPolicy");
    expect(allows(policies, pod(from), pod(to))).toBe(allowed);
  });

  it("let Prometheus reach every component when monitoring is on, and the databases not otherwise", async () => {
    const r = await renderPhase(phase);
    const monitoring = r.maybe("StatefulSet", "vendata-prometheus") !== undefined;
    const targets = monitoring ? ["nginx", "api", "mongo", "redis", "grafana"] : ["api", "mongo", "redis"];
    for (const to of targets) expect(allows(r.all("NetworkPolicy"), pod("prometheus"), pod(to)), to).toBe(monitoring);
  });

  it("give every pod a component that has a policy of its own", async () => {
    const r = await renderPhase(phase);
    const policed = new Set(r.all("NetworkPolicy").map((p) => p.spec?.podSelector.matchLabels?.["app.kubernetes.io/component"]));
    const templates = [
      ...r.all("Deployment").map((d) => d.spec?.template.metadata?.labels),
      ...r.all("StatefulSet").map((s) => s.spec?.template.metadata?.labels),
      ...r.all("Job").map((j) => j.spec?.template.metadata?.labels),
      ...r.all("CronJob").map((c) => c.spec?.jobTemplate.spec?.template.metadata?.labels),
      ...r.all("Pod").map((p) => p.metadata?.labels),
    ];
    for (const labels of templates) expect(policed.has(labels?.["app.kubernetes.io/component"]), JSON.stringify(labels)).toBe(true);
  });
});

describe("network policies across regions", () => {
  it("admit the other regions' addresses to and from Mongo only", async () => {
    const r = await renderPhase("phase2", {
      values: {
        mongo: { replicaSet: { replicas: 2 }, members: { external: { rs0: [{ host: "vendata-mongo-0.us-east.example:27017" }] } } },
        global: { networkPolicy: { peerRegionCidrs: ["10.20.0.0/16"] } },
      },
    });
    const mongo = r.find("NetworkPolicy", "vendata-allow-mongo").spec;
    expect(mongo?.ingress?.some((rule) => rule.from?.some((p) => p.ipBlock?.cidr === "10.20.0.0/16"))).toBe(true);
    expect(mongo?.egress?.some((rule) => rule.to?.some((p) => p.ipBlock?.cidr === "10.20.0.0/16"))).toBe(true);
    const api = r.find("NetworkPolicy", "vendata-allow-api").spec;
    expect(JSON.stringify(api)).not.toContain("10.20.0.0/16");
  });

  it("render no Prometheus or Grafana policy, and no rule naming them, with monitoring off (phase 1)", async () => {
    const r = await renderPhase("phase1");
    expect(r.maybe("StatefulSet", "vendata-prometheus")).toBeUndefined();
    const policies = r.all("NetworkPolicy");
    expect(policies.map((p) => p.metadata?.name).filter((n) => /prometheus|grafana/.test(n ?? ""))).toEqual([]);
    expect(JSON.stringify(policies.map((p) => p.spec))).not.toMatch(/prometheus|grafana/);
  });

  it("render no frontend policy when the release runs no frontend, and let nginx reach the outside one", async () => {
    const r = await renderPhase("phase2", { values: { frontend: { enabled: false }, nginx: { frontend: { host: "web.vendata-web.svc.cluster.local" } } } });
    expect(r.maybe("Deployment", "vendata-frontend")).toBeUndefined();
    expect(r.maybe("NetworkPolicy", "vendata-allow-frontend")).toBeUndefined();
    const nginx = r.find("NetworkPolicy", "vendata-allow-nginx").spec;
    expect(nginx?.egress).toContainEqual({ ports: [{ protocol: "TCP", port: 5173 }] });
  });

  it("are all gone with global.networkPolicy.enabled false", async () => {
    const r = await renderPhase("phase3", { values: { global: { networkPolicy: { enabled: false } } } });
    expect(r.all("NetworkPolicy")).toEqual([]);
  });
});

describe("the umbrella's former networkPolicy key (now global.networkPolicy)", () => {
  const values = { networkPolicy: { enabled: false } };

  it.each(HELM_VERSIONS)("is refused by helm %i, naming the key", async (helm) => {
    expect(await helmError(renderPhase("phase1", { helm, values }))).toMatch(/networkPolicy/);
  });

  it("is refused by the toolkit, which says where it went", () => {
    expect(toolkitErrors("phase1", values)).toEqual([expect.stringMatching(/^networkPolicy: moved to global\.networkPolicy/)]);
  });
});

describe("network policy additions per component", () => {
  const EXTERNAL = { ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] } };
  const opensExternal = (policy: NetworkPolicy) => (policy.spec?.egress ?? []).some((rule) => rule.to?.some((peer) => peer.ipBlock?.cidr === "0.0.0.0/0"));

  it.each(PHASES)("%s: let no component reach outside the cluster by default, the databases least of all", async (phase) => {
    const policies = (await renderPhase(phase)).all("NetworkPolicy");
    expect(policies.filter(opensExternal).map((p) => p.metadata?.name)).toEqual([]);
  });

  // [component, values path of its networkPolicy, its group]; Prometheus' egress is open already.
  const COMPONENTS: [string, (np: object) => object, string][] = [
    ["api", (np) => ({ api: { networkPolicy: np } }), "api"],
    ["frontend", (np) => ({ frontend: { networkPolicy: np } }), "frontend"],
    ["nginx", (np) => ({ nginx: { networkPolicy: np } }), "nginx"],
    ["mongo", (np) => ({ mongo: { networkPolicy: np } }), "mongo"],
    ["redis", (np) => ({ redis: { networkPolicy: np } }), "redis"],
    ["monitoring.grafana", (np) => ({ monitoring: { grafana: { networkPolicy: np } } }), "grafana"],
  ];

  it.each(COMPONENTS)("%s: allowExternalEgress opens 0.0.0.0/0 except the cluster's CIDRs, on its own policy only", async (_, values, group) => {
    const policies = (await renderPhase("phase2", { values: values({ allowExternalEgress: true }) })).all("NetworkPolicy");
    expect(policies.filter(opensExternal).map((p) => p.metadata?.name)).toEqual([`vendata-allow-${group}`]);
    expect(policies.find(opensExternal)?.spec?.egress).toContainEqual({ to: [EXTERNAL] });
  });

  it("leaves out the CIDRs global.networkPolicy.clusterCidrs names", async () => {
    const r = await renderPhase("phase2", { values: { api: { networkPolicy: { allowExternalEgress: true } }, global: { networkPolicy: { clusterCidrs: ["10.244.0.0/16", "10.96.0.0/12"] } } } });
    expect(r.find("NetworkPolicy", "vendata-allow-api").spec?.egress).toContainEqual({ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.244.0.0/16", "10.96.0.0/12"] } }] });
  });

  const smtp = { to: [{ ipBlock: { cidr: "203.0.113.10/32" } }], ports: [{ protocol: "TCP", port: 587 }] };
  const ops = { from: [{ namespaceSelector: { matchLabels: { team: "ops" } } }], ports: [{ protocol: "TCP", port: 8080 }] };

  it.each(COMPONENTS)("%s: appends extraIngress and extraEgress to its own rules, which stay", async (_, values, group) => {
    const name = `vendata-allow-${group}`;
    const before = (await renderPhase("phase2")).find("NetworkPolicy", name).spec;
    const after = (await renderPhase("phase2", { values: values({ extraIngress: [ops], extraEgress: [smtp] }) })).find("NetworkPolicy", name).spec;
    expect(after?.ingress).toEqual([...(before?.ingress ?? []), ops]);
    expect(after?.egress).toEqual([...(before?.egress ?? []), smtp]);
  });

  it("appends monitoring.prometheus.networkPolicy.extraIngress to Prometheus' own rules", async () => {
    const r = await renderPhase("phase2", { values: { monitoring: { prometheus: { networkPolicy: { extraIngress: [ops] } } } } });
    expect(r.find("NetworkPolicy", "vendata-allow-prometheus").spec?.ingress).toContainEqual(ops);
  });

  const all = { allowExternalEgress: true, extraIngress: [ops], extraEgress: [smtp] };
  const everyAddition = {
    ...Object.fromEntries(["api", "frontend", "nginx", "mongo", "redis"].map((chart) => [chart, { networkPolicy: all }])),
    monitoring: { grafana: { networkPolicy: all }, prometheus: { networkPolicy: { extraIngress: [ops] } } },
    global: { networkPolicy: { metrics: { namespaceSelector: { matchLabels: { team: "ops" } } } } },
  };

  it("keep the stack's flows between its pods, and deny the others, with every addition set", async () => {
    const policies = (await renderPhase("phase2", { values: everyAddition })).all("NetworkPolicy");
    for (const [from, to, allowed] of FLOWS) expect(allows(policies, pod(from), pod(to)), `${from} -> ${to}`).toBe(allowed);
  });

  it("render valid Kubernetes objects with every addition set", async () => {
    assertValidKubernetesObjects((await renderPhase("phase2", { values: everyAddition })).all("NetworkPolicy"));
  });
});

describe("an external Prometheus (global.networkPolicy.metrics)", () => {
  const monitoringNs = { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } };
  const prometheusPods = { matchLabels: { "app.kubernetes.io/name": "prometheus" } };
  // The groups whose pods run an exporter, and its port.
  const EXPORTERS: Record<string, number> = { mongo: 9216, redis: 9121, nginx: 9113 };
  const scrapeRules = (policy: NetworkPolicy | undefined) => (policy?.spec?.ingress ?? []).filter((rule) => rule.from?.some((peer) => peer.namespaceSelector !== undefined || peer.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "prometheus"));

  it.each(PHASES)("%s: is admitted nowhere by default", async (phase) => {
    for (const policy of (await renderPhase(phase)).all("NetworkPolicy")) expect(scrapeRules(policy), policy.metadata?.name).toEqual([]);
  });

  it.each(PHASES)("%s: reaches the exporters' ports, and only those, from its namespace and pods", async (phase) => {
    const r = await renderPhase(phase, { values: { global: { networkPolicy: { metrics: { namespaceSelector: monitoringNs, podSelector: prometheusPods } } } } });
    for (const policy of r.all("NetworkPolicy")) {
      const port = EXPORTERS[groupOf(policy) ?? ""];
      const expected = port === undefined ? [] : [{ from: [{ namespaceSelector: monitoringNs, podSelector: prometheusPods }], ports: [{ protocol: "TCP", port }] }];
      expect(scrapeRules(policy), policy.metadata?.name).toEqual(expected);
    }
  });

  it("is one peer of the namespace alone when only namespaceSelector is set", async () => {
    const r = await renderPhase("phase2", { values: { global: { networkPolicy: { metrics: { namespaceSelector: monitoringNs } } } } });
    expect(r.find("NetworkPolicy", "vendata-allow-redis").spec?.ingress).toContainEqual({ from: [{ namespaceSelector: monitoringNs }], ports: [{ protocol: "TCP", port: 9121 }] });
  });

  it("is not admitted to a chart whose exporter is off", async () => {
    const r = await renderPhase("phase2", { values: { redis: { metrics: { enabled: false } }, global: { networkPolicy: { metrics: { podSelector: prometheusPods } } } } });
    expect(scrapeRules(r.find("NetworkPolicy", "vendata-allow-redis"))).toEqual([]);
    expect(scrapeRules(r.find("NetworkPolicy", "vendata-allow-mongo"))).toHaveLength(1);
  });
});
