// The exporter sidecars of the mongo, nginx and redis charts come from the library's
// vendata.metrics.container and .annotations: Prometheus' kubernetes-pods job scrapes the
// container "metrics" on the port the pod's annotations name, and nothing is left behind
// when a chart's metrics are off.
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { renderPhase } from "../render.ts";

function podTemplates(r: Rendered): { name: string; template: PodTemplateSpec }[] {
  return [...r.all("Deployment"), ...r.all("StatefulSet")].map((w) => ({ name: w.metadata?.name ?? "", template: w.spec!.template }));
}

// The pods with an exporter: every mongod and mongos, nginx (not the frontend), every Redis node.
const EXPORTED = /^vendata-(mongo|nginx$|redis$)/;

describe.each(PHASES)("%s exporters", (phase) => {
  it("run as the container metrics on the port the pod's scrape annotations name", async () => {
    const exporting = podTemplates(await renderPhase(phase)).filter(({ name }) => EXPORTED.test(name));
    expect(exporting.length).toBeGreaterThanOrEqual(3);
    for (const { name, template } of exporting) {
      const annotations = template.metadata?.annotations ?? {};
      expect(annotations["prometheus.io/scrape"], name).toBe("true");
      expect(annotations["prometheus.io/path"], name).toBe("/metrics");
      const exporter = template.spec?.containers.find((c) => c.name === "metrics");
      expect(exporter?.ports?.map((p) => [p.name, String(p.containerPort)]), name).toEqual([["metrics", annotations["prometheus.io/port"]]]);
      expect(exporter?.livenessProbe, name).toBeTruthy();
      expect(exporter?.readinessProbe, name).toBeTruthy();
      expect(exporter?.securityContext?.readOnlyRootFilesystem, name).toBe(true);
    }
  });

  it("are left out, with their annotations, when metrics are off", async () => {
    const off = { enabled: false };
    const r = await renderPhase(phase, { values: { mongo: { metrics: off }, nginx: { metrics: off }, redis: { metrics: off } } });
    for (const { name, template } of podTemplates(r)) {
      expect(template.spec?.containers.map((c) => c.name), name).not.toContain("metrics");
      expect(Object.keys(template.metadata?.annotations ?? {}).filter((k) => k.startsWith("prometheus.io/")), name).toEqual([]);
    }
  });
});
