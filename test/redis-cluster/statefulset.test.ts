import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describe.each(HELM_VERSIONS)("redis on helm %i", (helm) => {
  it.each(PHASES)("%s runs the mode of the phase table", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const sts = r.find("StatefulSet", "vendata-redis");
    const conf = r.find("ConfigMap", "vendata-redis").data?.["redis.conf"] ?? "";
    const containers = sts.spec?.template.spec?.containers.map((c) => c.name);
    const connections = r.find("ConfigMap", "vendata-connections").data ?? {};
    expect(connections.REDIS_MODE).toBe(PHASE_TABLE[phase].redis);
    switch (PHASE_TABLE[phase].redis) {
      case "standalone":
        expect(sts.spec?.replicas).toBe(1);
        expect(conf).not.toContain("cluster-enabled");
        expect(connections.REDIS_URL).toBe("redis://vendata-redis.vendata.svc:6379/0");
        break;
      case "sentinel": {
        // A master and 2 replicas, each pod with a sentinel: 3 sentinels, quorum 2.
        expect(sts.spec?.replicas).toBe(3);
        expect(containers).toEqual(["redis", "sentinel"]);
        expect(r.find("ConfigMap", "vendata-redis").data?.["start-sentinel.sh"]).toMatch(/sentinel monitor vendata \$master 6379 2\n/);
        expect(connections.REDIS_SENTINELS?.split(",")).toHaveLength(3);
        expect(connections.REDIS_SENTINEL_MASTER).toBe("vendata");
        break;
      }
      case "cluster":
        expect(sts.spec?.replicas).toBe(6);
        expect(conf).toContain("cluster-enabled yes");
        expect(conf).toContain("cluster-node-timeout 5000");
        expect(conf).toContain("cluster-preferred-endpoint-type hostname");
        expect(connections.REDIS_CLUSTER_NODES?.split(",")).toHaveLength(6);
        // Redis Cluster has database 0 only: no index in the URL.
        expect(connections.REDIS_URL).toMatch(/^redis:\/\/[^/]+$/);
        break;
    }
  });

  it.each(PHASES)("%s keeps the seed's persistence and memory policy", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const conf = r.find("ConfigMap", "vendata-redis").data?.["redis.conf"] ?? "";
    expect(conf).toContain("appendonly yes\nappendfsync everysec");
    expect(conf).toContain("maxmemory 2gb\nmaxmemory-policy allkeys-lru");
  });
});
