import type { Container, EnvVar } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const env = (c: Container | undefined, name: string): EnvVar | undefined => c?.env?.find((e) => e.name === name);
const hostsOf = (list: string | undefined) => (list ?? "").split(",").map((hostPort) => hostPort.replace(/:\d+$/, ""));

describe.each(HELM_VERSIONS)("redis on helm %i", (helm) => {
  it.each(PHASES)("%s runs the mode of the phase table", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const sts = r.find("StatefulSet", "vendata-redis");
    const conf = r.find("ConfigMap", "vendata-redis").data?.["redis.conf"] ?? "";
    const containers = sts.spec?.template.spec?.containers ?? [];
    const redis = containers.find((c) => c.name === "redis");
    const connections = r.find("ConfigMap", "vendata-connections").data ?? {};
    expect(connections.REDIS_MODE).toBe(PHASE_TABLE[phase].redis);
    expect(env(redis, "REDIS_MODE")?.value).toBe(PHASE_TABLE[phase].redis);
    switch (PHASE_TABLE[phase].redis) {
      case "standalone":
        expect(sts.spec?.replicas).toBe(1);
        expect(containers.map((c) => c.name)).toEqual(["redis", "metrics"]);
        expect(conf).not.toContain("cluster-enabled");
        expect(connections.REDIS_URL).toBe("redis://vendata-redis.vendata.svc:6379/0");
        break;
      case "sentinel":
        // A master and 2 replicas, each pod with a sentinel: 3 sentinels, quorum 2.
        expect(sts.spec?.replicas).toBe(3);
        expect(containers.map((c) => c.name)).toEqual(["redis", "sentinel", "metrics"]);
        expect(env(redis, "SENTINEL_QUORUM")?.value).toBe("2");
        expect(env(redis, "SENTINEL_MASTER_NAME")?.value).toBe(connections.REDIS_SENTINEL_MASTER);
        // The pods the scripts ask are the sentinels the API is told about.
        expect(env(redis, "REDIS_NODES")?.value?.split(" ")).toEqual(hostsOf(connections.REDIS_SENTINELS));
        break;
      case "cluster":
        expect(sts.spec?.replicas).toBe(6);
        expect(containers.map((c) => c.name)).toEqual(["redis", "metrics"]);
        expect(conf).toContain("cluster-enabled yes");
        expect(conf).toContain("cluster-node-timeout 5000");
        expect(conf).toContain("cluster-port 16379");
        expect(conf).toContain("cluster-preferred-endpoint-type hostname");
        expect(env(redis, "REDIS_NODES")?.value?.split(" ")).toEqual(hostsOf(connections.REDIS_CLUSTER_NODES));
        // Redis Cluster has database 0 only: no index in the URL.
        expect(connections.REDIS_URL).toMatch(/^redis:\/\/[^/]+$/);
        break;
    }
  });

  it.each(PHASES)("%s has a PDB exactly when more than one pod runs", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const pdb = r.maybe("PodDisruptionBudget", "vendata-redis");
    if (PHASE_TABLE[phase].redis === "standalone") return expect(pdb).toBeUndefined();
    expect(pdb?.spec?.maxUnavailable).toBe(1);
    expect(pdb?.spec?.selector?.matchLabels).toEqual(r.find("StatefulSet", "vendata-redis").spec?.selector.matchLabels);
  });
});

describe.each(PHASES)("redis in %s", (phase) => {
  it("keeps the seed's persistence and memory policy on a persistent volume", async () => {
    const r = await renderPhase(phase);
    const sts = r.find("StatefulSet", "vendata-redis");
    const conf = r.find("ConfigMap", "vendata-redis").data?.["redis.conf"] ?? "";
    const redis = sts.spec?.template.spec?.containers.find((c) => c.name === "redis");
    expect(conf).toContain("appendonly yes\nappendfsync everysec");
    expect(conf).toContain("maxmemory 2gb\nmaxmemory-policy allkeys-lru");
    expect(redis?.resources).toEqual({ requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: "4Gi" } });
    const claim = sts.spec?.volumeClaimTemplates?.find((c) => c.metadata?.name === "data");
    expect(claim?.spec?.resources?.requests?.storage).toBe("50Gi");
    const dataDir = redis?.volumeMounts?.find((m) => m.name === "data")?.mountPath;
    expect(conf).toContain(`dir ${dataDir}\n`);
  });

  it("takes the password from the Secret, never from a command line or the ConfigMap", async () => {
    const r = await renderPhase(phase);
    const pods = [r.find("StatefulSet", "vendata-redis").spec?.template.spec, r.maybe("Job", "vendata-redis-cluster-create-1")?.spec?.template.spec];
    for (const c of pods.flatMap((p) => p?.containers ?? [])) {
      expect([...(c.command ?? []), ...(c.args ?? [])].join(" "), c.name).not.toMatch(/PASSWORD|requirepass|masterauth|-a /);
      expect(env(c, "REDIS_PASSWORD")?.valueFrom?.secretKeyRef, c.name).toEqual({ name: "vendata-secrets", key: "REDIS_PASSWORD" });
    }
    const password = Buffer.from(r.find("Secret", "vendata-secrets").data?.REDIS_PASSWORD ?? "", "base64").toString();
    expect(password).not.toBe("");
    expect(JSON.stringify(r.find("ConfigMap", "vendata-redis").data)).not.toContain(password);
  });

  it("pins Redis 7 and the exporter, which Prometheus scrapes through the pod annotations", async () => {
    const template = (await renderPhase(phase)).find("StatefulSet", "vendata-redis").spec?.template;
    const containers = template?.spec?.containers ?? [];
    expect(containers.find((c) => c.name === "redis")?.image).toMatch(/^redis:7\.\d+\.\d+$/);
    const exporter = containers.find((c) => c.name === "metrics");
    expect(exporter?.image).toMatch(/^oliver006\/redis_exporter:v\d+\.\d+\.\d+$/);
    const metricsPort = exporter?.ports?.find((p) => p.name === "metrics")?.containerPort;
    expect(template?.metadata?.annotations).toMatchObject({ "prometheus.io/scrape": "true", "prometheus.io/port": String(metricsPort), "prometheus.io/path": "/metrics" });
    expect(env(exporter, "REDIS_ADDR")?.value).toBe("redis://localhost:6379");
  });

  it("spreads the pods over zones and hosts", async () => {
    const spec = (await renderPhase(phase)).find("StatefulSet", "vendata-redis").spec?.template.spec;
    expect(spec?.topologySpreadConstraints?.map((t) => t.topologyKey)).toEqual(["topology.kubernetes.io/zone", "kubernetes.io/hostname"]);
  });
});

describe("redis without its metrics sidecar", () => {
  it("has neither the sidecar nor the scrape annotations", async () => {
    const template = (await renderPhase("phase3", { values: { redis: { metrics: { enabled: false } } } })).find("StatefulSet", "vendata-redis").spec?.template;
    expect(template?.spec?.containers.map((c) => c.name)).toEqual(["redis"]);
    expect(template?.metadata?.annotations).not.toHaveProperty("prometheus.io/scrape");
  });
});

describe("redis.exporter, the sidecar's old key", () => {
  const values = { redis: { exporter: { enabled: false } } };

  it.each(HELM_VERSIONS)("is refused by helm %i, naming the key", async (helm) => {
    expect(await helmError(renderPhase("phase1", { helm, values }))).toMatch(/redis\b[^\n]*\bexporter\b/);
  });

  it("is refused by the toolkit with its new name", () => {
    expect(toolkitErrors("phase1", values)).toEqual([expect.stringMatching(/^redis\.exporter: renamed redis\.metrics/)]);
  });
});
