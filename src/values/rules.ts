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

type Component = "api" | "nginx" | "mongo" | "redis";
type Global = NonNullable<VendataValues["global"]>;

/** Helm's `empty`: false, 0, "", null, an empty list or map. */
const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === false || value === 0 || value === "" || (Array.isArray(value) && value.length === 0) || (typeof value === "object" && Object.keys(value).length === 0);

/** As vendata.connections.externalSet: some key of the description holds a non-empty value. */
export const externalSet = (external: object | undefined): boolean => Object.values(external ?? {}).some((value) => !isEmpty(value));

/** externalMongo.options as "name=value" items, as vendata.connections.uriOptions lists them. */
export function uriOptions(options: NonNullable<Global["externalMongo"]>["options"]): string[] {
  if (typeof options === "string") return options.replace(/^\?/, "").split("&").filter((o) => o !== "");
  return Object.keys(options ?? {})
    .sort()
    .map((name) => `${name}=${String(options?.[name])}`);
}

const OWN_KEY_OPTIONS = ["replicaset", "tls", "ssl", "maxpoolsize", "minpoolsize"];

/**
 * A database switched off with the API on needs its external description, complete; one
 * set while its bundled database runs is refused (vendata.validate.externalDatabases).
 */
function externalDatabaseErrors(values: VendataValues, enabled: (key: Component) => boolean): string[] {
  const mongo = values.global?.externalMongo ?? {};
  const redis = values.global?.externalRedis ?? {};
  const errors: string[] = [];
  if (enabled("mongo") && externalSet(mongo)) {
    errors.push("global.externalMongo is set while mongo.enabled is true: the API would not know which Mongo to use; set mongo.enabled to false to use the external one, or leave global.externalMongo empty");
  }
  if (enabled("redis") && externalSet(redis)) {
    errors.push("global.externalRedis is set while redis.enabled is true: the API would not know which Redis to use; set redis.enabled to false to use the external one, or leave global.externalRedis empty");
  }
  if (enabled("api") && !enabled("mongo")) {
    const missing = (["hosts", "database", "username", "existingSecret"] as const).find((key) => isEmpty(mongo[key]));
    if (missing) errors.push(`global.externalMongo.${missing} is required when mongo.enabled is false and api.enabled is true: the API then connects to the external Mongo it describes`);
    else {
      const own = uriOptions(mongo.options)
        .map((option) => option.split("=")[0] ?? "")
        .find((name) => OWN_KEY_OPTIONS.includes(name.toLowerCase()));
      if (own) errors.push(`global.externalMongo.options must not set ${own}: use global.externalMongo.replicaSet, tls and pool, so each setting has one place`);
    }
  }
  if (enabled("api") && !enabled("redis")) {
    const missing = (["hosts", "existingSecret"] as const).find((key) => isEmpty(redis[key]));
    const mode = redis.mode ?? "standalone";
    const hosts = redis.hosts ?? [];
    if (missing) errors.push(`global.externalRedis.${missing} is required when redis.enabled is false and api.enabled is true: the API then connects to the external Redis it describes`);
    else if (mode === "sentinel" && !redis.sentinelMasterName) errors.push("global.externalRedis.sentinelMasterName is required when global.externalRedis.mode is sentinel");
    else if (mode === "standalone" && hosts.length !== 1) {
      errors.push(`global.externalRedis.hosts must hold exactly one host:port when global.externalRedis.mode is standalone (it holds ${hosts.length})`);
    }
  }
  return errors;
}

/** Messages of every rule the values break (empty: none). Disabled components are not checked. */
export function crossFieldErrors(values: VendataValues): string[] {
  const enabled = (key: Component) => values[key]?.enabled !== false;
  const checked: VendataValues = { ...values };
  for (const key of ["api", "nginx", "mongo", "redis"] as const) if (!enabled(key)) delete checked[key];
  const errors = RULES.map((rule) => rule(checked));
  return [...externalDatabaseErrors(values, enabled), ...errors.filter((m): m is string => m !== undefined)];
}
