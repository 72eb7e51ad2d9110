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
  const members = v.mongo?.replicaSet?.externalMembers ?? [];
  if (v.networkPolicy?.enabled === false || members.length === 0 || (v.networkPolicy?.peerRegionCidrs ?? []).length > 0) return undefined;
  return "networkPolicy.peerRegionCidrs must list the other regions' addresses when mongo.replicaSet.externalMembers is set, or the network policies block the members from each other";
};

const RULES: readonly Rule[] = [
  autoscaling("api"),
  autoscaling("nginx"),
  mongoVotes,
  redisCluster,
  sentinelQuorum,
  peerRegions,
  gracePeriod("api"),
  gracePeriod("nginx"),
  nginxTls,
  nginxFrontend,
  requestPath,
];

/** Messages of every rule the values break (empty: none). Disabled components are not checked. */
export function crossFieldErrors(values: VendataValues): string[] {
  const enabled = (key: "api" | "nginx" | "mongo" | "redis") => values[key]?.enabled !== false;
  const checked: VendataValues = { ...values };
  for (const key of ["api", "nginx", "mongo", "redis"] as const) if (!enabled(key)) delete checked[key];
  return RULES.map((rule) => rule(checked)).filter((m): m is string => m !== undefined);
}
