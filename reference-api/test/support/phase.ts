// What every phase test runs: FerretDB and the phase's Redis on 127.0.0.1, and the API on
// the chart's environment for that phase pointed at them.
import type { Phase } from "../../../src/phases.ts";
import { startApi, type Api } from "./api.ts";
import { chartApiEnv, localize, type Env } from "./chart-env.ts";
import { startMongo, type FerretDb } from "./mongo.ts";
import type { RedisSet } from "./redis.ts";

export interface PhaseServers {
  readonly env: Env;
  readonly mongo: FerretDb;
  readonly redis: RedisSet;
  readonly api: Api;
  /** The chart's (fake) Redis password, for redis-cli in the tests. */
  readonly password: string;
}

/** Starts the servers of `phase`; Mongo joins the chart's replica set, if it names one. */
export async function startPhase(phase: Phase, startRedis: (password: string, chart: Env) => Promise<RedisSet>): Promise<PhaseServers> {
  const chart = await chartApiEnv(phase);
  const password = chart.REDIS_PASSWORD ?? "";
  const [mongo, redis] = await Promise.all([startMongo(chart, { replSetName: chart.MONGODB_REPLICA_SET ?? "" }), startRedis(password, chart)]);
  const env = localize(chart, { mongo: mongo.address, redis: redis.addresses });
  try {
    return { env, mongo, redis, api: await startApi(env), password };
  } catch (error) {
    await Promise.all([redis.stop(), mongo.stop()]);
    throw error;
  }
}

/** Stops what startPhase started (nothing when it never got that far). */
export async function stopPhase(servers: PhaseServers | undefined): Promise<void> {
  await servers?.api.stop();
  await Promise.all([servers?.redis.stop(), servers?.mongo.stop()]);
}
