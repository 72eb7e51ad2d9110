import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../../src/paths.ts";
import { PHASES } from "../../src/phases.ts";
import { render } from "../../src/render/render.ts";
import { expectReplicasOrHpa, PHASE_TABLE } from "../phase-table.ts";
import { FAKE_SECRETS, HELM_VERSIONS, renderPhase } from "../render.ts";

const apiChart = parse(readFileSync(join(REPO_ROOT, "charts/vendata/charts/api/Chart.yaml"), "utf8")) as { appVersion: string };

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

  it("serves http on 3011 with the seed's probe timings and resources, liveness shallow and readiness deep", async () => {
    const r = await renderPhase("phase3");
    const container = r.find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");
    expect(container?.ports).toEqual([{ name: "http", containerPort: 3011, protocol: "TCP" }]);
    expect(container?.livenessProbe).toMatchObject({ httpGet: { path: "/api/live" }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
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

describe("api pods roll out without dropping a request", () => {
  it("waits on a shallow startup probe before the seed's liveness probe takes over", async () => {
    const container = (await renderPhase("phase3")).find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");
    expect(container?.startupProbe).toEqual({ httpGet: { path: "/api/live", port: "http" }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 30 });
  });

  it("rolls on every upgrade and rollback (the revision in the pod template) unless rollOnUpgrade is false", async () => {
    const annotations = async (values: object) => (await renderPhase("phase2", { values })).find("Deployment", "vendata-api").spec?.template.metadata?.annotations ?? {};
    expect((await annotations({}))["vendata/release-revision"]).toBe("1");
    expect(await annotations({ api: { rollOnUpgrade: false } })).not.toHaveProperty("vendata/release-revision");
  });

  it("takes the probe paths from probes.livenessPath and probes.readinessPath", async () => {
    const r = await renderPhase("phase1", { values: { api: { probes: { livenessPath: "/healthz", readinessPath: "/readyz" } } } });
    const container = r.find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");
    expect([container?.startupProbe?.httpGet?.path, container?.livenessProbe?.httpGet?.path, container?.readinessProbe?.httpGet?.path]).toEqual(["/healthz", "/healthz", "/readyz"]);
  });

  it("keeps serving 20 s after it is told to stop (longer than nginx caches the pod list), within a 60 s grace period", async () => {
    const pod = (await renderPhase("phase3")).find("Deployment", "vendata-api").spec?.template.spec;
    expect(pod?.containers.find((c) => c.name === "api")?.lifecycle).toEqual({ preStop: { sleep: { seconds: 20 } } });
    expect(pod?.terminationGracePeriodSeconds).toBe(60);
  });

  it("sleeps with the image's sleep on Kubernetes before 1.30 (no native sleep action)", async () => {
    const r = await render({ valuesFiles: ["charts/vendata/presets/phase3.yaml", FAKE_SECRETS], kubeVersion: "1.29.0" });
    const api = r.find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");
    expect(api?.lifecycle).toEqual({ preStop: { exec: { command: ["sleep", "20"] } } });
  });
});

describe("api pods follow the platform's defaults", () => {
  // The restricted profile, no token, probes and pinned images: test/vendata/pod-defaults.test.ts.
  it.each(PHASES)("%s: writes only to /tmp and /app/logs (emptyDirs)", async (phase) => {
    const pod = (await renderPhase(phase)).find("Deployment", "vendata-api").spec?.template.spec;
    const mounts = pod?.containers.find((c) => c.name === "api")?.volumeMounts?.map((m) => m.mountPath).sort();
    expect(mounts).toEqual(["/app/logs", "/tmp"]);
    expect(pod?.volumes?.every((v) => v.emptyDir !== undefined)).toBe(true);
  });

  it("spreads over zones and hosts, next to the seed's anti-affinity", async () => {
    const pod = (await renderPhase("phase3")).find("Deployment", "vendata-api").spec?.template.spec;
    expect(pod?.topologySpreadConstraints?.map((t) => t.topologyKey)).toEqual(["topology.kubernetes.io/zone", "kubernetes.io/hostname"]);
  });

  it("pulls with global.imagePullSecrets and pins the tag to the chart's appVersion", async () => {
    const r = await renderPhase("phase1", { values: { global: { imagePullSecrets: ["registry-credentials"] } } });
    const pod = r.find("Deployment", "vendata-api").spec?.template.spec;
    expect(pod?.imagePullSecrets).toEqual([{ name: "registry-credentials" }]);
    expect(pod?.containers[0]?.image).toBe(`vendata/api:${apiChart.appVersion}`);
  });
});

describe("api pods roll when their configuration changes", () => {
  const annotations = async (values: object) => (await renderPhase("phase2", { values })).find("Deployment", "vendata-api").spec?.template.metadata?.annotations ?? {};

  it("carries a new config checksum when the API's ConfigMap changes", async () => {
    const [before, after] = await Promise.all([annotations({}), annotations({ api: { config: { NODE_ENV: "staging" } } })]);
    expect(after["checksum/config"]).not.toBe(before["checksum/config"]);
    expect(after["checksum/secret"]).toBe(before["checksum/secret"]);
  });

  it("carries a new secret checksum when it is pointed at another Secret", async () => {
    const [before, after] = await Promise.all([annotations({}), annotations({ global: { existingSecret: "vendata-rotated" } })]);
    expect(after["checksum/secret"]).not.toBe(before["checksum/secret"]);
    expect(after["checksum/config"]).toBe(before["checksum/config"]);
  });
});
