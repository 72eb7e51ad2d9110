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

const mongoVotes: Rule = (v) => {
  const m = v.mongo;
  if (m?.architecture !== "replicaset") return undefined;
  const votes = (m.replicaSet?.replicas ?? 0) + (m.replicaSet?.externalMembers ?? []).reduce((n, e) => n + (e.votes ?? 1), 0);
  if (votes % 2 === 1) return undefined;
  return `mongo.replicaSet: the replica set has ${votes} voting members; it must be odd so a majority survives a split (change mongo.replicaSet.replicas or the votes of mongo.replicaSet.externalMembers)`;
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

const RULES: readonly Rule[] = [autoscaling("api"), autoscaling("nginx"), mongoVotes, redisCluster, sentinelQuorum, redisMaxmemory];

/** Messages of every rule the values break (empty: none). Disabled components are not checked. */
export function crossFieldErrors(values: VendataValues): string[] {
  const enabled = (key: "api" | "nginx" | "mongo" | "redis") => values[key]?.enabled !== false;
  const checked: VendataValues = { ...values };
  for (const key of ["api", "nginx", "mongo", "redis"] as const) if (!enabled(key)) delete checked[key];
  return RULES.map((rule) => rule(checked)).filter((m): m is string => m !== undefined);
}
