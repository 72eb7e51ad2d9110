import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { expectReplicasOrHpa, PHASE_TABLE } from "../phase-table.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describe.each(HELM_VERSIONS)("api on helm %i", (helm) => {
  it.each(PHASES)("%s runs the replicas or HPA of the phase table", async (phase) => {
    expectReplicasOrHpa(await renderPhase(phase, { helm }), "vendata-api", PHASE_TABLE[phase].api);
  });

  it.each(PHASES)("%s has a PDB exactly when more than one pod runs", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const expected = PHASE_TABLE[phase].api;
    const many = "hpa" in expected || expected.replicas > 1;
    expect(r.maybe("PodDisruptionBudget", "vendata-api") !== undefined).toBe(many);
  });
});

describe("api deployment keeps the seed's facts", () => {
  it("rolls out with zero unavailable pods and spreads over hosts", async () => {
    const r = await renderPhase("phase3");
    const spec = r.find("Deployment", "vendata-api").spec;
    expect(spec?.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } });
    const term = spec?.template.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0];
    expect(term?.weight).toBe(100);
    expect(term?.podAffinityTerm.topologyKey).toBe("kubernetes.io/hostname");
  });

  it("serves http on 3011 with the seed's probes and resources", async () => {
    const r = await renderPhase("phase3");
    const container = r.find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");
    expect(container?.ports).toEqual([{ name: "http", containerPort: 3011, protocol: "TCP" }]);
    expect(container?.livenessProbe).toMatchObject({ httpGet: { path: "/api/health" }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
    expect(container?.readinessProbe).toMatchObject({ httpGet: { path: "/api/health" }, initialDelaySeconds: 10, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 });
    expect(container?.resources).toEqual({ requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1000m", memory: "1024Mi" } });
    expect(container?.imagePullPolicy).toBe("IfNotPresent");
    expect(container?.image).toBe("vendata/api:1.0.0");
  });

  it("uses the seed's HPA targets and behaviour", async () => {
    const hpa = (await renderPhase("phase3")).find("HorizontalPodAutoscaler", "vendata-api");
    const targets = hpa.spec?.metrics?.map((m) => [m.resource?.name, m.resource?.target.averageUtilization]);
    expect(targets).toEqual([["cpu", 70], ["memory", 80]]);
    expect(hpa.spec?.behavior?.scaleDown).toEqual({ stabilizationWindowSeconds: 300, policies: [{ type: "Percent", value: 50, periodSeconds: 15 }] });
    expect(hpa.spec?.behavior?.scaleUp).toEqual({
      stabilizationWindowSeconds: 0,
      selectPolicy: "Max",
      policies: [{ type: "Percent", value: 100, periodSeconds: 15 }, { type: "Pods", value: 5, periodSeconds: 15 }],
    });
  });
});
