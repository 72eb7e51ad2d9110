// Rules across fields, the same as the chart's `fail`s in charts/vendata/charts/common/
// templates/_validate.tpl and with the same messages (a test holds them together).
import type { VendataValues } from "../generated/values.ts";

type Rule = (v: VendataValues) => string | undefined;

const autoscaling = (key: "api" | "nginx"): Rule => (v) => {
  const a = v[key]?.autoscaling;
  if (!a?.enabled || a.minReplicas === undefined || a.maxReplicas === undefined) return undefined;
  if (a.maxReplicas >= a.minReplicas) return undefined;
  return `${key}.autoscaling.maxReplicas (${a.maxReplicas}) must be >= ${key}.autoscaling.minReplicas (${a.minReplicas})`;
};

type MongoValues = NonNullable<VendataValues["mongo"]>;
interface MemberSettings {
  priority?: number;
  votes?: number;
  hidden?: boolean;
}
interface ReplicaSet {
  name: string;
  countKey: string;
  members: { priority: number; votes: number }[];
}

/** A member's effective settings, as vendata.connections.mongoMember computes them. */
function member(given: MemberSettings, priority: number): { priority: number; votes: number } {
  const votes = given.votes ?? 1;
  return { votes, priority: given.priority ?? (given.hidden || votes === 0 ? 0 : priority) };
}

/** The replica sets and their members, as vendata.connections.mongoSets computes them. */
function mongoSets(m: MongoValues): ReplicaSet[] {
  const specs: { name: string; countKey: string; replicas: number }[] = [];
  if (m.architecture === "replicaset") specs.push({ name: m.replicaSet?.name ?? "rs0", countKey: "replicaSet.replicas", replicas: m.replicaSet?.replicas ?? 0 });
  if (m.architecture === "sharded") {
    specs.push({ name: "cfg", countKey: "sharded.configServers", replicas: m.sharded?.configServers ?? 0 });
    for (let i = 0; i < (m.sharded?.shards ?? 0); i++) specs.push({ name: `shard${i}`, countKey: "sharded.shardReplicas", replicas: m.sharded?.shardReplicas ?? 0 });
  }
  const overrides = new Map((m.members?.overrides ?? []).map((o) => [o.index, o]));
  return specs.map((spec) => ({
    name: spec.name,
    countKey: spec.countKey,
    members: [
      ...Array.from({ length: spec.replicas }, (_, i) => member(overrides.get(i) ?? {}, m.members?.priority ?? 1)),
      ...(m.members?.external?.[spec.name] ?? []).map((e) => member(e, 1)),
    ],
  }));
}

const mongoPriorityZero: Rule = (v) => {
  const m = v.mongo;
  const given: [string, MemberSettings][] = [
    ...(m?.members?.overrides ?? []).map((o, i): [string, MemberSettings] => [`mongo.members.overrides[${i}]`, o]),
    ...Object.keys(m?.members?.external ?? {})
      .sort()
      .flatMap((name) => (m?.members?.external?.[name] ?? []).map((e, i): [string, MemberSettings] => [`mongo.members.external.${name}[${i}]`, e])),
  ];
  const bad = given.find(([, o]) => (o.hidden || o.votes === 0) && (o.priority ?? 0) > 0);
  return bad && `${bad[0]}: a hidden or non-voting member must have priority 0`;
};

/** Only the release that manages the sets (members.manage) knows all their members. */
const managedSets = (v: VendataValues): ReplicaSet[] => (v.mongo && v.mongo.members?.manage !== false ? mongoSets(v.mongo) : []);

const mongoVotes: Rule = (v) => {
  for (const set of managedSets(v)) {
    const votes = set.members.reduce((n, m) => n + m.votes, 0);
    if (votes % 2 === 0) {
      return `mongo.${set.countKey}: replica set ${set.name} has ${votes} voting members; it must be odd so a majority survives a split (votes in mongo.members.overrides and mongo.members.external.${set.name} count too)`;
    }
  }
  return undefined;
};

const mongoElectable: Rule = (v) => {
  const set = managedSets(v).find((s) => !s.members.some((m) => m.votes === 1 && m.priority > 0));
  return set && `mongo.members: replica set ${set.name} has no member that can become primary (one needs votes 1 and priority above 0)`;
};

const mongoBackupTarget: Rule = (v) => {
  const b = v.mongo?.backup;
  if (!b?.enabled || b.target !== "s3" || (b.s3?.bucket && b.s3?.existingSecret)) return undefined;
  return "mongo.backup.s3.bucket and mongo.backup.s3.existingSecret are required when mongo.backup.target is s3";
};

const redisCluster: Rule = (v) => {
  const r = v.redis;
  if (r?.mode !== "cluster") return undefined;
  const nodes = r.cluster?.nodes ?? 0;
  const replicas = r.cluster?.replicasPerMaster ?? 0;
  if (nodes % (1 + replicas) === 0 && nodes / (1 + replicas) >= 3) return undefined;
  return `redis.cluster.nodes (${nodes}) must equal masters x (1 + redis.cluster.replicasPerMaster (${replicas})) with at least 3 masters`;
};

const sentinelQuorum: Rule = (v) => {
  const r = v.redis;
  if (r?.mode !== "sentinel") return undefined;
  const quorum = r.sentinel?.quorum ?? 0;
  const replicas = r.sentinel?.replicas ?? 0;
  if (quorum <= replicas) return undefined;
  return `redis.sentinel.quorum (${quorum}) must be <= redis.sentinel.replicas (${replicas}), or no failover can ever be agreed`;
};

// Bytes per unit of a Redis size (kb/mb/gb are 1024-based) or a Kubernetes quantity.
const BYTES_PER_UNIT: Readonly<Record<string, number>> = {
  "": 1, m: 0.001, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3,
};

function bytes(size: string | number): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)(.*)$/.exec(String(size));
  const perUnit = match ? BYTES_PER_UNIT[match[2] ?? ""] : undefined;
  if (!match || perUnit === undefined) throw new Error(`cannot read "${size}" as a size`);
  return Number(match[1]) * perUnit;
}

const redisMaxmemory: Rule = (v) => {
  const maxmemory = v.redis?.maxmemory;
  const limit = v.redis?.resources?.limits.memory;
  if (maxmemory === undefined || limit === undefined) return undefined;
  if (bytes(maxmemory) * 5 <= bytes(limit) * 4) return undefined;
  return `redis.maxmemory (${maxmemory}) must be at most 80% of redis.resources.limits.memory (${limit}): Redis needs the rest for fragmentation, client buffers and the append-only-file rewrite`;
};

const gracePeriod = (key: "api" | "nginx"): Rule => (v) => {
  const grace = v[key]?.terminationGracePeriodSeconds;
  const sleep = v[key]?.preStopSleepSeconds;
  if (grace === undefined || sleep === undefined || grace > sleep) return undefined;
  return `${key}.terminationGracePeriodSeconds (${grace}) must be greater than ${key}.preStopSleepSeconds (${sleep}), or the pod is killed before it finishes its requests`;
};

const nginxTls: Rule = (v) => {
  const tls = v.nginx?.tls;
  if (!tls?.enabled || tls.secretName) return undefined;
  return "nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true";
};

const nginxFrontend: Rule = (v) => {
  const frontend = v.nginx?.frontend;
  if (!frontend || frontend.deploy || frontend.host) return undefined;
  return "nginx.frontend.host must name the frontend (a fully qualified name) when nginx.frontend.deploy is false";
};

// Across subcharts: the API's pods must outlive nginx's cached list of them.
const requestPath: Rule = (v) => {
  const sleep = v.api?.preStopSleepSeconds;
  const valid = v.nginx?.resolver?.validSeconds;
  if (sleep === undefined || valid === undefined || sleep > valid) return undefined;
  return `api.preStopSleepSeconds (${sleep}) must be greater than nginx.resolver.validSeconds (${valid}), or nginx keeps sending requests to API pods that have stopped`;
};

const peerRegions: Rule = (v) => {
  const members = v.mongo?.members;
  const multiRegion = members?.manage === false || Object.values(members?.external ?? {}).some((list) => list.length > 0);
  if (v.networkPolicy?.enabled === false || !v.mongo || !multiRegion || (v.networkPolicy?.peerRegionCidrs ?? []).length > 0) return undefined;
  return "networkPolicy.peerRegionCidrs must list the other regions' addresses when mongo.members.external is set or mongo.members.manage is false, or the network policies block the members from each other";
};

const RULES: readonly Rule[] = [
  autoscaling("api"),
  autoscaling("nginx"),
  mongoPriorityZero,
  mongoVotes,
  mongoElectable,
  mongoBackupTarget,
  redisCluster,
  sentinelQuorum,
  redisMaxmemory,
  peerRegions,
  gracePeriod("api"),
  gracePeriod("nginx"),
  nginxTls,
  nginxFrontend,
  requestPath,
];

// The API reads both databases; they can only be switched off with it.
const apiNeedsDatabases = (enabled: (key: Component) => boolean): string | undefined =>
  enabled("api") && !(enabled("mongo") && enabled("redis"))
    ? "api.enabled needs mongo.enabled and redis.enabled: the API reads both, and the chart has no setting for an external Mongo or Redis yet"
    : undefined;

type Component = "api" | "nginx" | "mongo" | "redis";

/** Messages of every rule the values break (empty: none). Disabled components are not checked. */
export function crossFieldErrors(values: VendataValues): string[] {
  const enabled = (key: Component) => values[key]?.enabled !== false;
  const checked: VendataValues = { ...values };
  for (const key of ["api", "nginx", "mongo", "redis"] as const) if (!enabled(key)) delete checked[key];
  const errors = RULES.map((rule) => rule(checked));
  return [apiNeedsDatabases(enabled), ...errors].filter((m): m is string => m !== undefined);
}
