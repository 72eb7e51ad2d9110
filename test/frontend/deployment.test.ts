// The frontend chart (charts/vendata/charts/frontend): what it runs, where nginx sends /,
// and what an upgrade from the frontend inside the nginx chart keeps or refuses.
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describe("the frontend nginx sends / to", () => {
  it.each(PHASES)("%s deploys a small frontend Deployment and Service on 5173 and routes / to it", async (phase) => {
    const r = await renderPhase(phase);
    const deployment = r.find("Deployment", "vendata-frontend");
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe("vendata/frontend:1.0.0");
    expect(deployment.metadata?.labels?.["app.kubernetes.io/version"]).toBe("1.0.0");
    expect(r.find("Service", "vendata-frontend").spec?.ports).toEqual([{ name: "http", port: 5173, targetPort: "http", protocol: "TCP" }]);
    const many = (deployment.spec?.replicas ?? 1) > 1;
    expect(r.maybe("PodDisruptionBudget", "vendata-frontend") !== undefined).toBe(many);
    expect(r.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"]).toContain("server vendata-frontend.vendata.svc.cluster.local:5173 resolve;");
  });

  it("routes / to an external frontend when none is deployed", async () => {
    const r = await renderPhase("phase2", { values: { frontend: { enabled: false }, nginx: { frontend: { host: "web.vendata-web.svc.cluster.local", port: 3000 } } } });
    expect(r.maybe("Deployment", "vendata-frontend")).toBeUndefined();
    expect(r.maybe("Service", "vendata-frontend")).toBeUndefined();
    expect(r.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"]).toContain("server web.vendata-web.svc.cluster.local:3000 resolve;");
  });
});

// Selectors are immutable: a changed one would make `helm upgrade` fail on the
// Deployment. They stay what the nginx chart rendered before the frontend had its own chart.
describe("the frontend's selectors, as before it had its own chart", () => {
  it("select the pods by name and instance only, in the Deployment, Service and PDB; the policy by group", async () => {
    const r = await renderPhase("phase2");
    const selector = { "app.kubernetes.io/name": "frontend", "app.kubernetes.io/instance": "vendata" };
    expect(r.find("Deployment", "vendata-frontend").spec?.selector.matchLabels).toEqual(selector);
    expect(r.find("Service", "vendata-frontend").spec?.selector).toEqual(selector);
    expect(r.find("PodDisruptionBudget", "vendata-frontend").spec?.selector?.matchLabels).toEqual(selector);
    expect(r.find("NetworkPolicy", "vendata-allow-frontend").spec?.podSelector.matchLabels).toEqual({ "app.kubernetes.io/component": "frontend", "app.kubernetes.io/instance": "vendata" });
  });
});

const OLD_KEYS = [
  { key: "deploy", value: true, now: "enabled" },
  { key: "replicaCount", value: 2, now: "replicaCount" },
  { key: "image", value: { repository: "vendata/frontend" }, now: "image" },
  { key: "resources", value: { requests: { cpu: "100m" } }, now: "resources" },
];

describe.each(OLD_KEYS)("nginx.frontend.$key, a key the frontend chart took", ({ key, value, now }) => {
  const values = { nginx: { frontend: { [key]: value } } };

  it.each(HELM_VERSIONS)("is refused by helm %i, naming the key", async (helm) => {
    expect(await helmError(renderPhase("phase1", { helm, values }))).toMatch(new RegExp(`frontend\\b[^\\n]*\\b${key}\\b`));
  });

  it("is refused by the toolkit, which names its new key", () => {
    expect(toolkitErrors("phase1", values)).toEqual([expect.stringMatching(new RegExp(`^nginx\\.frontend\\.${key}: moved to frontend\\.${now}:`))]);
  });
});
