import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { renderPhase } from "../render.ts";

describe("redis cluster-creation Job", () => {
  it.each(PHASES)("exists in %s exactly when Redis runs as a cluster", async (phase) => {
    const job = (await renderPhase(phase)).maybe("Job", "vendata-redis-cluster-create-1");
    expect(job !== undefined).toBe(PHASE_TABLE[phase].redis === "cluster");
  });

  it("runs anew on every install and upgrade (one Job per revision), as part of the release rather than a hook that --wait would never reach", async () => {
    const job = (await renderPhase("phase3")).find("Job", "vendata-redis-cluster-create-1");
    expect(job.metadata?.annotations ?? {}).not.toHaveProperty("helm.sh/hook");
  });

  it("runs the shipped script over every node, with the configured replicas per master", async () => {
    const r = await renderPhase("phase3", { values: { redis: { cluster: { nodes: 9, replicasPerMaster: 2 } } } });
    const container = r.find("Job", "vendata-redis-cluster-create-1").spec?.template.spec?.containers[0];
    expect(container?.command).toEqual(["/bin/sh", "/etc/redis/cluster-create.sh"]);
    expect(r.find("ConfigMap", "vendata-redis").data).toHaveProperty("cluster-create.sh");
    const env = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value]));
    expect(env.REDIS_NODES?.split(" ")).toHaveLength(9);
    expect(env.REDIS_CLUSTER_REPLICAS).toBe("2");
    expect(r.find("StatefulSet", "vendata-redis").spec?.replicas).toBe(9);
  });
});
