// global.commonLabels and global.commonAnnotations: on every object the chart renders,
// the labels on every pod too, never in a selector or a volumeClaimTemplate (immutable).
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import type { Rendered } from "../../src/render/render.ts";
import { renderPhase } from "../render.ts";

const commonLabels = { team: "shop", "example.com/cost-center": "42" };
const commonAnnotations = { "example.com/owner": "platform", "argocd.argoproj.io/sync-options": "Prune=false" };

// Phase 4 renders the most kinds (sharded Mongo, Redis cluster, monitoring, the Jobs and hooks).
const rendered = () => renderPhase("phase4", { values: { global: { commonLabels, commonAnnotations } } });

function podTemplates(r: Rendered): { id: string; template: PodTemplateSpec }[] {
  return [
    ...r.all("Deployment").map((d) => ({ id: `Deployment/${d.metadata?.name}`, template: d.spec!.template })),
    ...r.all("StatefulSet").map((s) => ({ id: `StatefulSet/${s.metadata?.name}`, template: s.spec!.template })),
    ...r.all("Job").map((j) => ({ id: `Job/${j.metadata?.name}`, template: j.spec!.template })),
    ...r.all("CronJob").map((c) => ({ id: `CronJob/${c.metadata?.name}`, template: c.spec!.jobTemplate.spec!.template })),
  ];
}

describe("global.commonLabels", () => {
  it("label every object and every pod", async () => {
    const r = await rendered();
    for (const o of r.objects) expect(o.metadata.labels, `${o.kind}/${o.metadata.name}`).toMatchObject(commonLabels);
    const pods = podTemplates(r);
    expect(pods.length).toBeGreaterThan(5);
    for (const { id, template } of pods) expect(template.metadata?.labels, id).toMatchObject(commonLabels);
  });

  it("stay out of selectors and volumeClaimTemplates, which cannot change on a live release", async () => {
    const r = await rendered();
    const selectors = [...r.all("Deployment"), ...r.all("StatefulSet"), ...r.all("PodDisruptionBudget")].map((o) => o.spec?.selector?.matchLabels ?? {});
    selectors.push(...r.all("Service").map((s) => s.spec?.selector ?? {}));
    expect(selectors.length).toBeGreaterThan(5);
    for (const selector of selectors) expect(Object.keys(selector).sort()).toEqual(["app.kubernetes.io/instance", "app.kubernetes.io/name"]);
    for (const s of r.all("StatefulSet")) for (const claim of s.spec?.volumeClaimTemplates ?? []) expect(claim.metadata?.labels, s.metadata?.name).toBeUndefined();
  });
});

describe("global.commonAnnotations", () => {
  it("annotate every object, an object's own annotation winning on the same key", async () => {
    const r = await rendered();
    const { "argocd.argoproj.io/sync-options": _, ...others } = commonAnnotations;
    for (const o of r.objects) expect(o.metadata.annotations, `${o.kind}/${o.metadata.name}`).toMatchObject(others);
    const init = r.all("Job").find((j) => j.metadata?.name?.startsWith("vendata-mongo-init-"));
    expect(init?.metadata?.annotations?.["argocd.argoproj.io/sync-options"]).toBe("Force=true,Replace=true");
    expect(r.find("Deployment", "vendata-api").metadata?.annotations?.["argocd.argoproj.io/sync-options"]).toBe("Prune=false");
  });

  it("stay off the pod templates, so changing one restarts no pod", async () => {
    for (const { id, template } of podTemplates(await rendered())) {
      expect(Object.keys(template.metadata?.annotations ?? {}).filter((key) => key in commonAnnotations), id).toEqual([]);
    }
  });
});
