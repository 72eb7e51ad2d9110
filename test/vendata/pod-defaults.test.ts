// What every workload gets by default (DESIGN.md): the restricted Pod Security Standard,
// requests and limits, probes, pinned images, and a PDB wherever more than one pod runs.
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { renderPhase } from "../render.ts";

interface Workload {
  id: string;
  template: PodTemplateSpec;
  longRunning: boolean;
}

function workloads(r: Rendered): Workload[] {
  return [
    ...r.all("Deployment").map((d) => ({ id: `Deployment/${d.metadata?.name}`, template: d.spec!.template, longRunning: true })),
    ...r.all("StatefulSet").map((s) => ({ id: `StatefulSet/${s.metadata?.name}`, template: s.spec!.template, longRunning: true })),
    ...r.all("Job").map((j) => ({ id: `Job/${j.metadata?.name}`, template: j.spec!.template, longRunning: false })),
    ...r.all("CronJob").map((c) => ({ id: `CronJob/${c.metadata?.name}`, template: c.spec!.jobTemplate.spec!.template, longRunning: false })),
    ...r.all("Pod").map((p) => ({ id: `Pod/${p.metadata?.name}`, template: { metadata: p.metadata, spec: p.spec }, longRunning: false })),
  ];
}

describe.each(PHASES)("%s workloads", (phase) => {
  it("pass the restricted Pod Security Standard", async () => {
    for (const { id, template } of workloads(await renderPhase(phase))) {
      const pod = template.spec!;
      expect(pod.securityContext?.runAsNonRoot, id).toBe(true);
      expect(pod.securityContext?.seccompProfile?.type, id).toBe("RuntimeDefault");
      expect(pod.hostNetwork ?? false, id).toBe(false);
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
        const where = `${id} container ${c.name}`;
        expect(c.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(c.securityContext?.capabilities?.drop, where).toEqual(["ALL"]);
        expect(c.securityContext?.capabilities?.add ?? [], where).toEqual([]);
        expect(c.securityContext?.readOnlyRootFilesystem, where).toBe(true);
        expect(c.securityContext?.privileged ?? false, where).toBe(false);
      }
    }
  });

  it("mount no service-account token unless they talk to the API server", async () => {
    const r = await renderPhase(phase);
    for (const { id, template } of workloads(r)) {
      const pod = template.spec!;
      if (pod.automountServiceAccountToken === true) {
        expect(pod.serviceAccountName, `${id} mounts a token with the default ServiceAccount`).toBeTruthy();
        const bound = [...r.all("ClusterRoleBinding"), ...r.all("RoleBinding")].some((b) => b.subjects?.some((s) => s.name === pod.serviceAccountName));
        expect(bound, `${id} mounts a token but its ServiceAccount has no role`).toBe(true);
      } else {
        expect(pod.automountServiceAccountToken, id).toBe(false);
      }
    }
  });

  it("pull with global.imagePullSecrets", async () => {
    const r = await renderPhase(phase, { values: { global: { imagePullSecrets: ["registry-credentials"] } } });
    for (const { id, template } of workloads(r)) {
      expect(template.spec?.imagePullSecrets, id).toEqual([{ name: "registry-credentials" }]);
    }
  });

  it("spread the long-running pods over zones and hosts", async () => {
    for (const { id, template, longRunning } of workloads(await renderPhase(phase))) {
      if (!longRunning) continue;
      const pod = template.spec!;
      expect(pod.topologySpreadConstraints?.map((t) => [t.topologyKey, t.labelSelector?.matchLabels]), id).toEqual(
        ["topology.kubernetes.io/zone", "kubernetes.io/hostname"].map((key) => [key, expect.objectContaining({ "app.kubernetes.io/name": template.metadata?.labels?.["app.kubernetes.io/name"] })]),
      );
      expect(pod.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0]?.podAffinityTerm.topologyKey, id).toBe("kubernetes.io/hostname");
    }
  });

  it("set requests and limits and pin their images", async () => {
    for (const { id, template } of workloads(await renderPhase(phase))) {
      for (const c of [...(template.spec!.initContainers ?? []), ...template.spec!.containers]) {
        const where = `${id} container ${c.name}`;
        expect(c.resources?.requests?.cpu, where).toBeDefined();
        expect(c.resources?.requests?.memory, where).toBeDefined();
        expect(c.resources?.limits?.cpu, where).toBeDefined();
        expect(c.resources?.limits?.memory, where).toBeDefined();
        expect(c.image, where).toMatch(/^[^:@]+(:[^:@]+)?(@sha256:[a-f0-9]{64})?$/);
        expect(c.image, where).toMatch(/:[A-Za-z0-9][\w.-]*(@|$)/);
        expect(c.image, where).not.toMatch(/:latest(@|$)/);
        expect(c.imagePullPolicy, where).toBe("IfNotPresent");
      }
    }
  });

  it("probe every long-running container", async () => {
    for (const { id, template, longRunning } of workloads(await renderPhase(phase))) {
      if (!longRunning) continue;
      for (const c of template.spec!.containers) {
        expect(c.livenessProbe, `${id} container ${c.name}`).toBeDefined();
        expect(c.readinessProbe, `${id} container ${c.name}`).toBeDefined();
      }
    }
  });

  it("have a PodDisruptionBudget selecting them wherever more than one pod runs", async () => {
    const r = await renderPhase(phase);
    const hpaMin = new Map(r.all("HorizontalPodAutoscaler").map((h) => [h.spec?.scaleTargetRef.name, h.spec?.minReplicas ?? 1]));
    for (const kind of ["Deployment", "StatefulSet"] as const) {
      for (const w of r.all(kind)) {
        const pods = hpaMin.get(w.metadata?.name) ?? w.spec?.replicas ?? 1;
        if (pods < 2) continue;
        const selector = JSON.stringify(w.spec?.selector.matchLabels);
        const pdb = r.all("PodDisruptionBudget").find((p) => JSON.stringify(p.spec?.selector?.matchLabels) === selector);
        expect(pdb, `${kind}/${w.metadata?.name} runs ${pods} pods without a PDB`).toBeDefined();
      }
    }
  });
});
