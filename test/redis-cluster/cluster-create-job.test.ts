import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { renderPhase } from "../render.ts";

describe("redis cluster-creation Job", () => {
  it.each(PHASES)("exists in %s exactly when Redis runs as a cluster", async (phase) => {
    const job = (await renderPhase(phase)).maybe("Job", "vendata-redis-cluster-create");
    expect(job !== undefined).toBe(PHASE_TABLE[phase].redis === "cluster");
  });

  it("runs after every install and upgrade, so a grown StatefulSet gets its new nodes added", async () => {
    const job = (await renderPhase("phase3")).find("Job", "vendata-redis-cluster-create");
    expect(job.metadata?.annotations).toMatchObject({ "helm.sh/hook": "post-install,post-upgrade", "helm.sh/hook-delete-policy": "before-hook-creation" });
  });

  it("runs the shipped script over every node, with the configured replicas per master", async () => {
    const r = await renderPhase("phase3", { values: { redis: { cluster: { nodes: 9, replicasPerMaster: 2 } } } });
    const container = r.find("Job", "vendata-redis-cluster-create").spec?.template.spec?.containers[0];
    expect(container?.command).toEqual(["/bin/sh", "/etc/redis/cluster-create.sh"]);
    expect(r.find("ConfigMap", "vendata-redis").data).toHaveProperty("cluster-create.sh");
    const env = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value]));
    expect(env.REDIS_NODES?.split(" ")).toHaveLength(9);
    expect(env.REDIS_CLUSTER_REPLICAS).toBe("2");
    expect(r.find("StatefulSet", "vendata-redis").spec?.replicas).toBe(9);
  });
});
