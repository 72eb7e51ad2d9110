import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { allows, type Labels } from "../support/network-policy.ts";
import { renderPhase } from "../render.ts";

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

describe.each(PHASES)("%s network policies", (phase) => {
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
        networkPolicy: { peerRegionCidrs: ["10.20.0.0/16"] },
      },
    });
    const mongo = r.find("NetworkPolicy", "vendata-allow-mongo").spec;
    expect(mongo?.ingress?.some((rule) => rule.from?.some((p) => p.ipBlock?.cidr === "10.20.0.0/16"))).toBe(true);
    expect(mongo?.egress?.some((rule) => rule.to?.some((p) => p.ipBlock?.cidr === "10.20.0.0/16"))).toBe(true);
    const api = r.find("NetworkPolicy", "vendata-allow-api").spec;
    expect(JSON.stringify(api)).not.toContain("10.20.0.0/16");
  });

  it("can be turned off", async () => {
    const r = await renderPhase("phase3", { values: { networkPolicy: { enabled: false } } });
    expect(r.all("NetworkPolicy")).toEqual([]);
  });
});
