// monitoring.grafana.enabled (default true): false runs Prometheus alone, as the local
// cluster does (Grafana has no buildable source there): no Grafana object and no Grafana
// NetworkPolicy is rendered, Prometheus is unchanged and still scrapes every component.
import { describe, expect, it } from "vitest";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import type { Phase } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { allows } from "../support/network-policy.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const pod = (component: string) => ({ "app.kubernetes.io/instance": "vendata", "app.kubernetes.io/component": component });
const NO_GRAFANA = { monitoring: { grafana: { enabled: false } } };
const MONITORED: readonly Phase[] = ["phase2", "phase3", "phase4"];

/** Every object whose name or component label says grafana. */
function grafanaObjects(r: Rendered): string[] {
  return r.objects
    .filter((o) => o.metadata.name.includes("grafana") || o.metadata.labels?.["app.kubernetes.io/component"] === "grafana" || JSON.stringify(o).includes('"app.kubernetes.io/component":"grafana"'))
    .map((o) => `${o.kind}/${o.metadata.name}`);
}

describe.each(HELM_VERSIONS)("monitoring.grafana.enabled on helm %i", (helm) => {
  it.each(MONITORED)("%s: on by default, Grafana's Deployment, Service and NetworkPolicy are there", async (phase) => {
    const r = await renderPhase(phase, { helm });
    expect(r.find("Deployment", "vendata-grafana").spec?.replicas).toBe(PHASE_TABLE[phase].monitoring?.grafana);
    expect(r.maybe("Service", "vendata-grafana")).toBeDefined();
    expect(r.maybe("NetworkPolicy", "vendata-allow-grafana")).toBeDefined();
    if ((PHASE_TABLE[phase].monitoring?.grafana ?? 0) > 1) expect(r.maybe("PodDisruptionBudget", "vendata-grafana")).toBeDefined();
  });

  it.each(MONITORED)("%s with false: Prometheus alone, nothing of Grafana, every object still valid", async (phase) => {
    const r = await renderPhase(phase, { helm, values: NO_GRAFANA });
    expect(grafanaObjects(r)).toEqual([]);
    expect(r.find("StatefulSet", "vendata-prometheus").spec?.replicas).toBe(PHASE_TABLE[phase].monitoring?.prometheus);
    expect(r.maybe("ConfigMap", "vendata-prometheus")).toBeDefined();
    expect(r.maybe("NetworkPolicy", "vendata-allow-prometheus")).toBeDefined();
    assertValidKubernetesObjects(r.objects);
  });
});

describe("network policies without Grafana", () => {
  it.each(MONITORED)("%s: Prometheus still reaches every component, and no pod reaches Prometheus", async (phase) => {
    const policies = (await renderPhase(phase, { values: NO_GRAFANA })).all("NetworkPolicy");
    for (const to of ["nginx", "api", "mongo", "redis"]) expect(allows(policies, pod("prometheus"), pod(to)), to).toBe(true);
    const prometheus = policies.find((p) => p.metadata?.name === "vendata-allow-prometheus")?.spec;
    // With Grafana on, its pods are Prometheus's only peer; without it, there is none.
    expect(prometheus?.ingress).toBeUndefined();
    expect(prometheus?.policyTypes).toContain("Ingress");
    for (const from of ["nginx", "api", "grafana"]) expect(allows(policies, pod(from), pod("prometheus")), from).toBe(false);
  });

  it("with Grafana on, only Grafana reaches Prometheus", async () => {
    const policies = (await renderPhase("phase2")).all("NetworkPolicy");
    expect(allows(policies, pod("grafana"), pod("prometheus"))).toBe(true);
    expect(allows(policies, pod("api"), pod("prometheus"))).toBe(false);
  });

  it("phase 1 (monitoring off) has no Grafana policy either", async () => {
    const r = await renderPhase("phase1");
    expect(r.maybe("Deployment", "vendata-grafana")).toBeUndefined();
    expect(r.maybe("NetworkPolicy", "vendata-allow-grafana")).toBeUndefined();
  });
});

describe("monitoring.grafana.enabled values", () => {
  it.each(HELM_VERSIONS)("a non-boolean is refused by the chart's schema on helm %i, naming the key", async (helm) => {
    const stderr = await helmError(renderPhase("phase2", { helm, values: { monitoring: { grafana: { enabled: "sometimes" } } } }));
    expect(stderr).toMatch(/monitoring[./]grafana[./]enabled/);
  });

  it("false is valid for the toolkit", () => {
    expect(toolkitErrors("phase2", NO_GRAFANA)).toEqual([]);
  });
});
