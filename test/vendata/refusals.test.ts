// The umbrella's rules, across a subchart's keys and its own or across two subcharts
// (charts/vendata/templates/_validate.tpl): bad values are refused by the chart, and by
// the toolkit with the same messages, naming the key. Each chart's own rules are in
// test/<chart>/refusals.test.ts (Mongo's in test/mongo/values.test.ts).
import { describe, expect, it } from "vitest";
import { phaseValuesFiles } from "../../src/phases.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { describeRefusals, toolkitErrors } from "../refusals.ts";

const EXTERNAL_MONGO = "is required when mongo.enabled is false: the API then connects to the external Mongo it describes";
const EXTERNAL_REDIS = "is required when redis.enabled is false: the API then connects to the external Redis it describes";

describeRefusals("the umbrella refuses", [
  {
    rule: "the API without its Mongo and no external one",
    phase: "phase1",
    values: { mongo: { enabled: false } },
    messages: ["hosts", "database", "username", "existingSecret"].map((key) => `global.externalMongo.${key} ${EXTERNAL_MONGO}`),
  },
  {
    rule: "an external Mongo without the Secret of its password",
    phase: "phase2",
    values: { mongo: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], database: "vendata", username: "app" } } },
    messages: [`global.externalMongo.existingSecret ${EXTERNAL_MONGO}`],
  },
  {
    rule: "an external Mongo without its database",
    phase: "phase1",
    values: { mongo: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], username: "app", existingSecret: "mongo-app" } } },
    messages: [`global.externalMongo.database ${EXTERNAL_MONGO}`],
  },
  {
    rule: "external Mongo options that have keys of their own",
    phase: "phase3",
    values: { mongo: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], database: "vendata", username: "app", existingSecret: "mongo-app", options: "authSource=admin&maxPoolSize=5" } } },
    messages: ["global.externalMongo.options must not set maxPoolSize: use global.externalMongo.replicaSet, tls and pool, so each setting has one place"],
  },
  {
    rule: "an external Mongo beside the bundled one",
    phase: "phase2",
    values: { global: { externalMongo: { hosts: ["mongo.example.com:27017"] } } },
    messages: ["global.externalMongo is set while mongo.enabled is true: the API would not know which Mongo to use; set mongo.enabled to false to use the external one, or leave global.externalMongo empty"],
  },
  {
    rule: "the API without its Redis and no external one",
    phase: "phase2",
    values: { redis: { enabled: false } },
    messages: [`global.externalRedis.hosts ${EXTERNAL_REDIS}`, `global.externalRedis.existingSecret ${EXTERNAL_REDIS}`],
  },
  {
    rule: "an external Redis without the Secret of its password",
    phase: "phase3",
    values: { redis: { enabled: false }, global: { externalRedis: { mode: "cluster", hosts: ["redis-0.example.com:6379"] } } },
    messages: [`global.externalRedis.existingSecret ${EXTERNAL_REDIS}`],
  },
  {
    rule: "an external sentinel Redis without the master's name",
    phase: "phase2",
    values: { redis: { enabled: false }, global: { externalRedis: { mode: "sentinel", hosts: ["sentinel-0.example.com:26379"], existingSecret: "redis-app" } } },
    messages: ["global.externalRedis.sentinelMasterName is required when global.externalRedis.mode is sentinel"],
  },
  {
    rule: "an external standalone Redis with several hosts",
    phase: "phase1",
    values: { redis: { enabled: false }, global: { externalRedis: { hosts: ["redis-0.example.com:6379", "redis-1.example.com:6379"], existingSecret: "redis-app" } } },
    messages: ["global.externalRedis.hosts must hold exactly one host:port when global.externalRedis.mode is standalone (it holds 2)"],
  },
  {
    rule: "an external Redis beside the bundled one",
    phase: "phase3",
    values: { global: { externalRedis: { mode: "cluster", hosts: ["redis-0.example.com:6379"], existingSecret: "redis-app" } } },
    messages: ["global.externalRedis is set while redis.enabled is true: the API would not know which Redis to use; set redis.enabled to false to use the external one, or leave global.externalRedis empty"],
  },
  {
    rule: "members in other regions without their addresses in the network policy",
    phase: "phase2",
    values: { mongo: { replicaSet: { replicas: 2 }, members: { external: { rs0: [{ host: "vendata-mongo-0.us-east.example:27017" }] } } } },
    messages: ["global.networkPolicy.peerRegionCidrs must list the other regions' addresses when mongo.members.external is set or mongo.members.manage is false"],
  },
  {
    rule: "API pods that stop before nginx forgets them",
    phase: "phase3",
    values: { api: { preStopSleepSeconds: 10 }, nginx: { resolver: { validSeconds: 10 } } },
    messages: ["api.preStopSleepSeconds (10) must be greater than nginx.resolver.validSeconds (10), or nginx keeps sending requests to API pods that have stopped"],
  },
  {
    rule: "an API port that nginx does not send to",
    phase: "phase1",
    values: { api: { port: 4000 } },
    messages: ["nginx.api.port (3011) must equal api.port (4000): nginx sends /api/ to nginx.api.port, so set both to the port the API listens on"],
  },
  {
    rule: "no frontend at all",
    phase: "phase2",
    values: { frontend: { enabled: false } },
    messages: ["nginx.frontend.host must name the frontend nginx sends / to (a fully qualified name) when frontend.enabled is false"],
  },
  {
    rule: "a frontend port that nginx does not send to",
    phase: "phase1",
    values: { frontend: { port: 8080 } },
    messages: ["nginx.frontend.port (5173) must equal frontend.port (8080): nginx sends / to nginx.frontend.port, so set both to the port the frontend listens on"],
  },
  {
    rule: "an outside frontend beside the release's own",
    phase: "phase3",
    values: { nginx: { frontend: { host: "web.example.com" } } },
    messages: ["nginx.frontend.host (web.example.com) must be empty when frontend.enabled is true: nginx then sends / to this release's frontend; set frontend.enabled to false to send / to nginx.frontend.host instead"],
  },
  {
    rule: "a common label that would replace one the chart sets",
    phase: "phase1",
    values: { global: { commonLabels: { team: "shop", "app.kubernetes.io/part-of": "shop" } } },
    messages: ["global.commonLabels must not set app.kubernetes.io/part-of: the chart sets it on every object, and selectors and NetworkPolicies rely on it"],
  },
  {
    rule: "a fullnameOverride that makes the backup CronJob's name longer than 52",
    phase: "phase1",
    values: { mongo: { fullnameOverride: "d".repeat(47) } },
    messages: [`mongo.fullnameOverride is too long: the name "${"d".repeat(47)}-backup" has 54 characters, over the 52 Kubernetes allows for a CronJob: its Jobs are named <name>-<11-digit time>; shorten it by 2 characters`],
  },
  {
    rule: "a release name that makes the backup CronJob's name longer than 52",
    phase: "phase1",
    release: "r".repeat(40),
    values: {},
    messages: [`release name "${"r".repeat(40)}" is too long: the name "${"r".repeat(40)}-mongo-backup" has 53 characters, over the 52 Kubernetes allows for a CronJob: its Jobs are named <name>-<11-digit time>; choose a release name of at most 39 characters`],
  },
  {
    rule: "a release name that makes a StatefulSet's pods' controller-revision-hash label longer than 63",
    phase: "phase2",
    release: "r".repeat(42),
    values: { mongo: { backup: { enabled: false } } },
    messages: [`the name "${"r".repeat(42)}-prometheus" has 53 characters, over the 52 Kubernetes allows for a StatefulSet: its pods' controller-revision-hash label, <name>-<10-character hash>, must fit in 63; choose a release name of at most 41 characters`],
  },
  {
    rule: "a release name that leaves a Job made per revision no room for the revision",
    phase: "phase3",
    release: "r".repeat(35),
    values: {},
    messages: [`the name "${"r".repeat(35)}-redis-cluster-create" has 56 characters, over the 55 Kubernetes allows for a Job made per revision: <name>-<revision> must fit in 63, with 7 digits kept for the revision; choose a release name of at most 34 characters`],
  },
  {
    rule: "a release name that makes a Service's name longer than a DNS label",
    phase: "phase2",
    release: "r".repeat(51),
    values: { mongo: { enabled: false }, redis: { enabled: false }, monitoring: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], database: "vendata", username: "app", existingSecret: "mongo-app" }, externalRedis: { hosts: ["redis.example.com:6379"], existingSecret: "redis-app" } } },
    messages: [`the name "${"r".repeat(51)}-nginx-metrics" has 65 characters, over the 63 Kubernetes allows for a Service: its name is a DNS label; choose a release name of at most 49 characters`],
  },
  {
    rule: "a host path in the helm test pod",
    phase: "phase1",
    values: { tests: { extraVolumes: [{ name: "host", hostPath: { path: "/" } }] } },
    messages: ["tests.extraVolumes[0] (host): a hostPath volume breaks the restricted Pod Security Standard"],
  },
]);

// Mongo's new rules are tabled here until test/mongo/values.test.ts (another change's
// file today) can take them.
describeRefusals("the mongo chart refuses", [
  {
    rule: "a WiredTiger cache above half the memory limit",
    phase: "phase2",
    values: { mongo: { wiredTigerCacheSizeGB: 2.5 } },
    messages: ["mongo.wiredTigerCacheSizeGB (2.5) must be at most half of mongo.resources.limits.memory (4Gi): mongod needs the rest for connections, index builds and aggregations, or the container is OOM-killed"],
  },
  {
    rule: "requests above the limits in mongod, the Jobs, the exporter and the backup",
    phase: "phase2",
    values: { mongo: { resources: { requests: { cpu: "3" } }, jobs: { resources: { requests: { memory: "1Gi" } } }, metrics: { resources: { requests: { cpu: "1" } } }, backup: { resources: { requests: { memory: "2Gi" } } } } },
    messages: [
      "mongo.resources.requests.cpu (3) must be <= mongo.resources.limits.cpu (2)",
      "mongo.jobs.resources.requests.memory (1Gi) must be <= mongo.jobs.resources.limits.memory (512Mi)",
      "mongo.metrics.resources.requests.cpu (1) must be <= mongo.metrics.resources.limits.cpu (200m)",
      "mongo.backup.resources.requests.memory (2Gi) must be <= mongo.backup.resources.limits.memory (1Gi)",
    ],
  },
  {
    rule: "an existing claim for the three members of a replica set",
    phase: "phase2",
    values: { mongo: { persistence: { existingClaim: "mongo-data" } } },
    messages: ["mongo.persistence.existingClaim (mongo-data) is one claim for one pod, but 3 pods would mount it: leave it empty (each pod claims its own volume) or run a single pod"],
  },
  {
    rule: "an existing claim for the config servers and shards of a sharded cluster",
    phase: "phase4",
    values: { mongo: { persistence: { existingClaim: "mongo-data" } } },
    messages: ["mongo.persistence.existingClaim (mongo-data) is one claim for one pod, but 9 pods would mount it: leave it empty (each pod claims its own volume) or run a single pod"],
  },
]);

describe("the phase values files", () => {
  it.each(["phase1", "phase2", "phase3", "phase4"] as const)("%s breaks no rule", (phase) => {
    expect(validateValuesFiles(phaseValuesFiles(phase))).toEqual([]);
  });

  it("accepts a WiredTiger cache of exactly half the memory limit", () => {
    expect(toolkitErrors("phase2", { mongo: { wiredTigerCacheSizeGB: 2 } })).toEqual([]);
  });
});
