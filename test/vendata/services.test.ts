// Every chart's Services come from the library's vendata.service.render: each selects the
// pods of one workload and sends each port to the container port of the same name; a
// headless one is "<component>-headless" with no cluster IP.
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { renderPhase } from "../render.ts";

function podTemplates(r: Rendered): PodTemplateSpec[] {
  return [...r.all("Deployment"), ...r.all("StatefulSet")].map((w) => w.spec!.template);
}

const selects = (selector: Record<string, string>, template: PodTemplateSpec) =>
  Object.entries(selector).every(([key, value]) => template.metadata?.labels?.[key] === value);

describe.each(PHASES)("%s Services", (phase) => {
  it("select the pods of a workload and send each port to the container port of that name", async () => {
    const r = await renderPhase(phase);
    expect(r.all("Service").length).toBeGreaterThan(0);
    for (const service of r.all("Service")) {
      const where = service.metadata?.name;
      const selector = service.spec?.selector ?? {};
      expect(Object.keys(selector).sort(), where).toEqual(["app.kubernetes.io/instance", "app.kubernetes.io/name"]);
      const pods = podTemplates(r).filter((t) => selects(selector, t));
      expect(pods.length, `${where} selects no pods`).toBeGreaterThan(0);
      for (const port of service.spec?.ports ?? []) {
        expect(port.targetPort, `${where} port ${port.name}`).toBe(port.name);
        for (const pod of pods) {
          const container = pod.spec?.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === port.name);
          expect(container, `${where} port ${port.name}: no container port of that name`).toBeDefined();
        }
      }
    }
  });

  it("are headless exactly when named <component>-headless, and a headless one has no type", async () => {
    for (const service of (await renderPhase(phase)).all("Service")) {
      const where = service.metadata?.name;
      const headless = service.metadata?.name?.endsWith("-headless") ?? false;
      expect(service.spec?.clusterIP === "None", where).toBe(headless);
      if (headless) expect(service.spec?.type, where).toBeUndefined();
    }
  });

  it("publish not-ready pods only for the databases, whose members find each other before they are ready", async () => {
    const r = await renderPhase(phase);
    const publishing = r.all("Service").filter((s) => s.spec?.publishNotReadyAddresses === true);
    const databaseHeadless = r.all("Service").filter((s) => /^vendata-(mongo|redis)[\w-]*-headless$/.test(s.metadata?.name ?? ""));
    expect(databaseHeadless.length).toBeGreaterThan(0);
    // Not the API's: nginx must not send requests to a pod that is still starting.
    expect(publishing.map((s) => s.metadata?.name).sort()).toEqual(databaseHeadless.map((s) => s.metadata?.name).sort());
  });
});
