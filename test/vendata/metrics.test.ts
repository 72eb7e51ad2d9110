// The exporter sidecars of the mongo, nginx and redis charts come from the library's
// vendata.metrics.container and .annotations: Prometheus' kubernetes-pods job scrapes the
// container "metrics" on the port the pod's annotations name, and nothing is left behind
// when a chart's metrics are off. Each exporter's port is also behind a Service
// "<workload>-metrics" (vendata.metrics.service), for a Prometheus outside the release.
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
    expect(r.all("Service").map((s) => s.metadata?.name).filter((n) => n?.endsWith("-metrics"))).toEqual([]);
  });

  it("are each behind a Service <workload>-metrics, labelled for a ServiceMonitor, on port metrics", async () => {
    const r = await renderPhase(phase);
    const exporting = podTemplates(r).filter(({ name }) => EXPORTED.test(name));
    const services = r.all("Service").filter((s) => s.metadata?.labels?.["vendata/metrics"] === "true");
    expect(services.map((s) => s.metadata?.name).sort()).toEqual(exporting.map(({ name }) => `${name}-metrics`).sort());
    for (const { name, template } of exporting) {
      const service = r.find("Service", `${name}-metrics`);
      expect(Object.entries(service.spec?.selector ?? {}).every(([k, v]) => template.metadata?.labels?.[k] === v), name).toBe(true);
      const port = template.spec?.containers.find((c) => c.name === "metrics")?.ports?.[0]?.containerPort;
      expect(service.spec?.ports, name).toEqual([{ name: "metrics", port, targetPort: "metrics", protocol: "TCP" }]);
    }
  });
});
