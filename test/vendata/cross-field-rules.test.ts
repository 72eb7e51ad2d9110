// Every rule across fields is enforced twice, by the chart (`fail`) and by the toolkit
// (src/values/rules.ts), with the same message naming the key.
import { describe, expect, it } from "vitest";
import { phaseValuesFiles, type Phase } from "../../src/phases.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

interface BadCase {
  rule: string;
  phase: Phase;
  values: object;
  message: string;
}

const CASES: BadCase[] = [
  {
    rule: "the API without its Mongo and no external one",
    phase: "phase1",
    values: { mongo: { enabled: false } },
    message: "global.externalMongo.hosts is required when mongo.enabled is false and api.enabled is true: the API then connects to the external Mongo it describes",
  },
  {
    rule: "an external Mongo without the Secret of its password",
    phase: "phase2",
    values: { mongo: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], database: "vendata", username: "app" } } },
    message: "global.externalMongo.existingSecret is required when mongo.enabled is false and api.enabled is true",
  },
  {
    rule: "an external Mongo without its database",
    phase: "phase1",
    values: { mongo: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], username: "app", existingSecret: "mongo-app" } } },
    message: "global.externalMongo.database is required when mongo.enabled is false and api.enabled is true",
  },
  {
    rule: "external Mongo options that have keys of their own",
    phase: "phase3",
    values: { mongo: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], database: "vendata", username: "app", existingSecret: "mongo-app", options: "authSource=admin&maxPoolSize=5" } } },
    message: "global.externalMongo.options must not set maxPoolSize: use global.externalMongo.replicaSet, tls and pool, so each setting has one place",
  },
  {
    rule: "an external Mongo beside the bundled one",
    phase: "phase2",
    values: { global: { externalMongo: { hosts: ["mongo.example.com:27017"] } } },
    message: "global.externalMongo is set while mongo.enabled is true: the API would not know which Mongo to use; set mongo.enabled to false to use the external one, or leave global.externalMongo empty",
  },
  {
    rule: "the API without its Redis and no external one",
    phase: "phase2",
    values: { redis: { enabled: false } },
    message: "global.externalRedis.hosts is required when redis.enabled is false and api.enabled is true: the API then connects to the external Redis it describes",
  },
  {
    rule: "an external Redis without the Secret of its password",
    phase: "phase3",
    values: { redis: { enabled: false }, global: { externalRedis: { mode: "cluster", hosts: ["redis-0.example.com:6379"] } } },
    message: "global.externalRedis.existingSecret is required when redis.enabled is false and api.enabled is true",
  },
  {
    rule: "an external sentinel Redis without the master's name",
    phase: "phase2",
    values: { redis: { enabled: false }, global: { externalRedis: { mode: "sentinel", hosts: ["sentinel-0.example.com:26379"], existingSecret: "redis-app" } } },
    message: "global.externalRedis.sentinelMasterName is required when global.externalRedis.mode is sentinel",
  },
  {
    rule: "an external standalone Redis with several hosts",
    phase: "phase1",
    values: { redis: { enabled: false }, global: { externalRedis: { hosts: ["redis-0.example.com:6379", "redis-1.example.com:6379"], existingSecret: "redis-app" } } },
    message: "global.externalRedis.hosts must hold exactly one host:port when global.externalRedis.mode is standalone (it holds 2)",
  },
  {
    rule: "an external Redis beside the bundled one",
    phase: "phase3",
    values: { global: { externalRedis: { mode: "cluster", hosts: ["redis-0.example.com:6379"], existingSecret: "redis-app" } } },
    message: "global.externalRedis is set while redis.enabled is true: the API would not know which Redis to use; set redis.enabled to false to use the external one, or leave global.externalRedis empty",
  },
  {
    rule: "autoscaling maxReplicas below minReplicas",
    phase: "phase3",
    values: { api: { autoscaling: { minReplicas: 10, maxReplicas: 5 } } },
    message: "api.autoscaling.maxReplicas (5) must be >= api.autoscaling.minReplicas (10)",
  },
  {
    rule: "nginx autoscaling maxReplicas below minReplicas",
    phase: "phase4",
    values: { nginx: { autoscaling: { minReplicas: 10, maxReplicas: 3 } } },
    message: "nginx.autoscaling.maxReplicas (3) must be >= nginx.autoscaling.minReplicas (10)",
  },
  {
    rule: "an even number of voting Mongo members",
    phase: "phase2",
    values: { mongo: { replicaSet: { replicas: 4 } } },
    message: "mongo.replicaSet.replicas: replica set rs0 has 4 voting members; it must be odd",
  },
  {
    rule: "Redis Cluster nodes that are not masters x (1 + replicas)",
    phase: "phase3",
    values: { redis: { cluster: { nodes: 7 } } },
    message: "redis.cluster.nodes (7) must equal masters x (1 + redis.cluster.replicasPerMaster (1)) with at least 3 masters",
  },
  {
    rule: "Redis Cluster with fewer than 3 masters",
    phase: "phase3",
    values: { redis: { cluster: { nodes: 4 } } },
    message: "redis.cluster.nodes (4) must equal masters x (1 + redis.cluster.replicasPerMaster (1)) with at least 3 masters",
  },
  {
    rule: "a sentinel quorum larger than the sentinels",
    phase: "phase2",
    values: { redis: { sentinel: { quorum: 4 } } },
    message: "redis.sentinel.quorum (4) must be <= redis.sentinel.replicas (3)",
  },
  {
    rule: "members in other regions without their addresses in the network policy",
    phase: "phase2",
    values: { mongo: { replicaSet: { replicas: 2 }, members: { external: { rs0: [{ host: "vendata-mongo-0.us-east.example:27017" }] } } } },
    message: "networkPolicy.peerRegionCidrs must list the other regions' addresses when mongo.members.external is set or mongo.members.manage is false",
  },
  {
    rule: "an API grace period no longer than its preStop sleep",
    phase: "phase3",
    values: { api: { preStopSleepSeconds: 30, terminationGracePeriodSeconds: 30 } },
    message: "api.terminationGracePeriodSeconds (30) must be greater than api.preStopSleepSeconds (30), or the pod is killed before it finishes its requests",
  },
  {
    rule: "an nginx grace period no longer than its preStop sleep",
    phase: "phase3",
    values: { nginx: { preStopSleepSeconds: 50, terminationGracePeriodSeconds: 45 } },
    message: "nginx.terminationGracePeriodSeconds (45) must be greater than nginx.preStopSleepSeconds (50), or the pod is killed before it finishes its requests",
  },
  {
    rule: "TLS without a Secret",
    phase: "phase3",
    values: { nginx: { tls: { enabled: true, secretName: "" } } },
    message: "nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true",
  },
  {
    rule: "no frontend at all",
    phase: "phase2",
    values: { nginx: { frontend: { deploy: false, host: "" } } },
    message: "nginx.frontend.host must name the frontend (a fully qualified name) when nginx.frontend.deploy is false",
  },
  {
    rule: "API pods that stop before nginx forgets them",
    phase: "phase3",
    values: { api: { preStopSleepSeconds: 10 }, nginx: { resolver: { validSeconds: 10 } } },
    message: "api.preStopSleepSeconds (10) must be greater than nginx.resolver.validSeconds (10), or nginx keeps sending requests to API pods that have stopped",
  },
];

describe.each(CASES)("$rule", ({ phase, values, message }) => {
  it("is refused by the toolkit with the key named", () => {
    expect(toolkitErrors(phase, values).join("\n")).toContain(message);
  });

  it.each(HELM_VERSIONS)("is refused by the chart on helm %i, with the same message", async (helm) => {
    expect(await helmError(renderPhase(phase, { helm, values }))).toContain(message);
  });
});

describe("the phase values files", () => {
  it.each(["phase1", "phase2", "phase3", "phase4"] as const)("%s breaks no rule", (phase) => {
    expect(validateValuesFiles(phaseValuesFiles(phase))).toEqual([]);
  });
});
