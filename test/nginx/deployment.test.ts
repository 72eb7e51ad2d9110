import { describe, expect, it } from "vitest";
import { PHASES, type Phase } from "../../src/phases.ts";
import { expectReplicasOrHpa, PHASE_TABLE } from "../phase-table.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describe.each(HELM_VERSIONS)("nginx on helm %i", (helm) => {
  it.each(PHASES)("%s runs the replicas or HPA of the phase table", async (phase) => {
    expectReplicasOrHpa(await renderPhase(phase, { helm }), "vendata-nginx", PHASE_TABLE[phase].nginx);
  });

  it.each(PHASES)("%s exposes the Service type of the phase table", async (phase) => {
    const service = (await renderPhase(phase, { helm })).find("Service", "vendata-nginx");
    expect(service.spec?.type).toBe(PHASE_TABLE[phase].nginxService);
    // Local keeps the client's address for the rate limits.
    expect(service.spec?.externalTrafficPolicy).toBe("Local");
  });

  it.each(PHASES)("%s admits only the CDN's ranges when behind the CDN", async (phase) => {
    const service = (await renderPhase(phase, { helm })).find("Service", "vendata-nginx");
    const ranges = service.spec?.loadBalancerSourceRanges ?? [];
    if (PHASE_TABLE[phase].behindCdn) {
      expect(ranges).toContain("173.245.48.0/20");
      expect(ranges).toContain("2606:4700::/32");
    } else {
      expect(ranges).toEqual([]);
    }
  });
});

describe("nginx pods", () => {
  const nginxPod = async (phase: Phase, values: object = {}) => (await renderPhase(phase, { values })).find("Deployment", "vendata-nginx").spec?.template;

  // The restricted profile, probes and pinned images: test/vendata/pod-defaults.test.ts.
  it.each(PHASES)("%s: non-root (uid 101) on unprivileged ports", async (phase) => {
    const pod = (await nginxPod(phase))?.spec;
    expect(pod?.securityContext?.runAsUser).toBe(101);
    const ports = pod?.containers.flatMap((c) => c.ports ?? []).map((p) => p.containerPort) ?? [];
    expect(ports.length).toBeGreaterThan(0);
    expect(ports.filter((p) => p < 1024)).toEqual([]);
  });

  it("mounts the rendered nginx.conf and the TLS Secret read-only, and writes only to /tmp", async () => {
    const pod = (await nginxPod("phase3"))?.spec;
    const nginx = pod?.containers.find((c) => c.name === "nginx");
    expect(nginx?.volumeMounts).toEqual([
      { name: "config", mountPath: "/etc/nginx/nginx.conf", subPath: "nginx.conf", readOnly: true },
      { name: "tls", mountPath: "/etc/nginx/tls", readOnly: true },
      { name: "tmp", mountPath: "/tmp" },
    ]);
    expect(pod?.volumes?.find((v) => v.name === "tls")?.secret?.secretName).toBe("vendata-tls");
    expect(nginx?.ports?.map((p) => [p.name, p.containerPort])).toEqual([["http", 8080], ["https", 8443]]);
  });

  it("probes the health endpoint and drains on stop", async () => {
    const pod = (await nginxPod("phase3"))?.spec;
    const nginx = pod?.containers.find((c) => c.name === "nginx");
    expect(nginx?.readinessProbe?.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(nginx?.livenessProbe?.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(nginx?.lifecycle).toEqual({ preStop: { sleep: { seconds: 10 } } });
    expect(pod?.terminationGracePeriodSeconds).toBe(45);
  });

  it("exports stub_status to Prometheus through the exporter sidecar", async () => {
    const template = await nginxPod("phase3");
    const exporter = template?.spec?.containers.find((c) => c.name === "metrics");
    expect(exporter?.image).toBe("nginx/nginx-prometheus-exporter:1.4.0");
    expect(exporter?.args).toContain("--nginx.scrape-uri=http://127.0.0.1:8081/stub_status");
    expect(exporter?.ports).toEqual([{ name: "metrics", containerPort: 9113, protocol: "TCP" }]);
    expect(template?.metadata?.annotations).toMatchObject({ "prometheus.io/scrape": "true", "prometheus.io/port": "9113", "prometheus.io/path": "/metrics" });
  });

  it("rolls when nginx.conf changes", async () => {
    const [before, after] = await Promise.all([nginxPod("phase2"), nginxPod("phase2", { nginx: { rateLimits: { api: { rate: 80, burst: 20 } } } })]);
    expect(after?.metadata?.annotations?.["checksum/config"]).not.toBe(before?.metadata?.annotations?.["checksum/config"]);
  });

  it("publishes HTTPS on 443 next to HTTP on 80", async () => {
    const service = (await renderPhase("phase2")).find("Service", "vendata-nginx");
    expect(service.spec?.ports?.map((p) => [p.name, p.port, p.targetPort])).toEqual([["http", 80, "http"], ["https", 443, "https"]]);
  });
});
