// The Redis chart's rules (charts/vendata/charts/redis/templates/_validate.tpl):
// bad values are refused by the chart, and by the toolkit with the same messages.
import { describe, expect, it } from "vitest";
import { describeRefusals, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

// The toolkit checks the schema on the merged values, where resources need all four keys.
const resources = (limit: string) => ({ requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: limit } });
const WHY = "Redis needs the rest for fragmentation, client buffers and the append-only-file rewrite";

describeRefusals("the redis chart refuses", [
  {
    rule: "Redis Cluster nodes that are not masters x (1 + replicas)",
    phase: "phase3",
    values: { redis: { cluster: { nodes: 7 } } },
    messages: ["redis.cluster.nodes (7) must equal masters x (1 + redis.cluster.replicasPerMaster (1)) with at least 3 masters"],
  },
  {
    rule: "Redis Cluster with fewer than 3 masters",
    phase: "phase3",
    values: { redis: { cluster: { nodes: 4 } } },
    messages: ["redis.cluster.nodes (4) must equal masters x (1 + redis.cluster.replicasPerMaster (1)) with at least 3 masters"],
  },
  {
    rule: "a sentinel quorum larger than the sentinels",
    phase: "phase2",
    values: { redis: { sentinel: { quorum: 4 } } },
    messages: ["redis.sentinel.quorum (4) must be <= redis.sentinel.replicas (3), or no failover can ever be agreed"],
  },
  {
    rule: "maxmemory above 80% of the memory limit",
    phase: "phase1",
    values: { redis: { maxmemory: "4gb" } },
    messages: [`redis.maxmemory (4gb) must be at most 80% of redis.resources.limits.memory (4Gi): ${WHY}`],
  },
  {
    rule: "maxmemory compared with a limit in decimal units",
    phase: "phase3",
    values: { redis: { maxmemory: "1800mb", resources: resources("2G") } },
    messages: [`redis.maxmemory (1800mb) must be at most 80% of redis.resources.limits.memory (2G): ${WHY}`],
  },
  {
    rule: "requests above the limits in the sentinel and metrics containers",
    phase: "phase2",
    values: { redis: { sentinel: { resources: { requests: { memory: "256Mi" } } }, metrics: { resources: { requests: { cpu: "1" } } } } },
    messages: [
      "redis.sentinel.resources.requests.memory (256Mi) must be <= redis.sentinel.resources.limits.memory (128Mi)",
      "redis.metrics.resources.requests.cpu (1) must be <= redis.metrics.resources.limits.cpu (200m)",
    ],
  },
  {
    rule: "requests above the limits in the cluster-create Job",
    phase: "phase3",
    values: { redis: { cluster: { jobResources: { requests: { cpu: "5" } } } } },
    messages: ["redis.cluster.jobResources.requests.cpu (5) must be <= redis.cluster.jobResources.limits.cpu"],
  },
  {
    rule: "an existing claim for the nodes of a sentinel set",
    phase: "phase2",
    values: { redis: { persistence: { existingClaim: "redis-data" } } },
    messages: ["redis.persistence.existingClaim (redis-data) is one claim for one pod, but 3 pods would mount it: leave it empty (each pod claims its own volume) or run a single pod"],
  },
  {
    rule: "a privileged init container in the cluster-create Job",
    phase: "phase3",
    values: { redis: { jobs: { initContainers: [{ name: "tune", image: "busybox:1.36.1", securityContext: { privileged: true } }] } } },
    messages: ["redis.jobs.initContainers[0].securityContext.privileged (true) breaks the restricted Pod Security Standard; set redis.jobs.allowUnrestricted: true to allow it (the namespace must admit such pods)"],
  },
]);

describe.each(HELM_VERSIONS)("redis maxmemory on helm %i", (helm) => {
  it("accepts maxmemory at exactly 80% of the limit", async () => {
    const values = { redis: { maxmemory: "3276mb", resources: resources("4095Mi") } };
    await expect(renderPhase("phase1", { helm, values })).resolves.toBeDefined();
    expect(toolkitErrors("phase1", values)).toEqual([]);
  });
});
