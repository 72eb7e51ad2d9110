// The environment: what the chart renders for phases 1-3 is read as meant; a missing or
// invalid variable stops the process with exit code 1 and a message naming it.
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/config.ts";
import { runApiToExit } from "./support/api.ts";
import { chartApiEnv, type Env } from "./support/chart-env.ts";

const envs: Record<string, Env> = {};

beforeAll(async () => {
  for (const phase of ["phase1", "phase2", "phase3"] as const) envs[phase] = await chartApiEnv(phase);
});

const member = (i: number, port: number) => ({ host: `vendata-redis-${i}.vendata-redis-headless.vendata.svc`, port });

describe("the chart's environment", () => {
  it("phase 1: standalone REDIS_URL, the URI's database, port 3011", () => {
    const config = readConfig(envs.phase1);
    expect(config.port).toBe(3011);
    expect(config.redis).toEqual({ mode: "standalone", url: "redis://vendata-redis.vendata.svc:6379/0", tls: false, password: envs.phase1?.REDIS_PASSWORD });
    expect(config.mongo).toEqual({ uri: envs.phase1?.MONGODB_URI, database: "vendata_prod" });
    expect(config.jwtSecret).toBe(envs.phase1?.JWT_SECRET);
  });

  it("phase 2: REDIS_SENTINELS and REDIS_SENTINEL_MASTER (REDIS_URL's redis+sentinel:// form is not read), MONGODB_REPLICA_SET", () => {
    const config = readConfig(envs.phase2);
    expect(config.redis).toEqual({ mode: "sentinel", sentinels: [0, 1, 2].map((i) => member(i, 26379)), masterName: "vendata", tls: false, password: envs.phase2?.REDIS_PASSWORD });
    expect(config.mongo).toMatchObject({ database: "vendata_prod", replicaSet: "rs0" });
  });

  it("phase 3: the six REDIS_CLUSTER_NODES as seeds", () => {
    const config = readConfig(envs.phase3);
    expect(config.redis).toEqual({ mode: "cluster", nodes: [0, 1, 2, 3, 4, 5].map((i) => member(i, 6379)), tls: false, password: envs.phase3?.REDIS_PASSWORD });
    expect(config.mongo.replicaSet).toBe("rs0");
  });

  it("REDIS_TLS=true (an external Redis with tls) or a rediss:// REDIS_URL turns TLS on", () => {
    expect(readConfig({ ...envs.phase2, REDIS_TLS: "true" }).redis.tls).toBe(true);
    expect(readConfig({ ...envs.phase3, REDIS_TLS: "true" }).redis.tls).toBe(true);
    expect(readConfig({ ...envs.phase1, REDIS_URL: "rediss://r.example:6380/0" }).redis.tls).toBe(true);
    expect(readConfig({ ...envs.phase1, REDIS_TLS: "false" }).redis.tls).toBe(false);
  });

  it("PORT overrides 3011", () => {
    expect(readConfig({ ...envs.phase1, PORT: "8080" }).port).toBe(8080);
  });
});

// [what to change, the variable the error must name]
const BAD: [string, (env: Env) => Env, string][] = [
  ["no MONGODB_URI", ({ MONGODB_URI: _, ...env }) => env, "MONGODB_URI"],
  ["MONGODB_URI not a mongodb URI", (env) => ({ ...env, MONGODB_URI: "http://x/db" }), "MONGODB_URI"],
  ["MONGODB_URI with an unescaped @ in the password", (env) => ({ ...env, MONGODB_URI: "mongodb://vendata:p@ss@h:27017/db?authSource=admin" }), "MONGODB_URI"],
  ["MONGODB_URI with a bad pool option", (env) => ({ ...env, MONGODB_URI: `${env.MONGODB_URI}&maxPoolSize=lots` }), "MONGODB_URI"],
  ["no database anywhere", ({ MONGODB_DATABASE: _, ...env }) => ({ ...env, MONGODB_URI: "mongodb://u:p@h:27017/?authSource=admin" }), "MONGODB_DATABASE"],
  ["MONGODB_DATABASE differs from the URI's", (env) => ({ ...env, MONGODB_DATABASE: "other" }), "MONGODB_DATABASE"],
  ["MONGODB_REPLICA_SET differs from the URI's", (env) => ({ ...env, MONGODB_REPLICA_SET: "rs9" }), "MONGODB_REPLICA_SET"],
  ["no REDIS_MODE", ({ REDIS_MODE: _, ...env }) => env, "REDIS_MODE"],
  ["an unknown REDIS_MODE", (env) => ({ ...env, REDIS_MODE: "replicated" }), "REDIS_MODE"],
  ["standalone without REDIS_URL", ({ REDIS_URL: _, ...env }) => ({ ...env, REDIS_MODE: "standalone" }), "REDIS_URL"],
  ["standalone with a REDIS_URL that is not redis://", (env) => ({ ...env, REDIS_MODE: "standalone", REDIS_URL: "vendata-redis:6379" }), "REDIS_URL"],
  ["sentinel without REDIS_SENTINELS", ({ REDIS_SENTINELS: _, ...env }) => env, "REDIS_SENTINELS"],
  ["sentinel with a sentinel missing its port", (env) => ({ ...env, REDIS_SENTINELS: "a:26379,b" }), "REDIS_SENTINELS"],
  ["sentinel without REDIS_SENTINEL_MASTER", ({ REDIS_SENTINEL_MASTER: _, ...env }) => env, "REDIS_SENTINEL_MASTER"],
  ["cluster without REDIS_CLUSTER_NODES", ({ REDIS_CLUSTER_NODES: _, ...env }) => ({ ...env, REDIS_MODE: "cluster" }), "REDIS_CLUSTER_NODES"],
  ["cluster with a port out of range", (env) => ({ ...env, REDIS_MODE: "cluster", REDIS_CLUSTER_NODES: "a:6379,b:70000" }), "REDIS_CLUSTER_NODES"],
  ["REDIS_TLS neither true nor false", (env) => ({ ...env, REDIS_TLS: "yes" }), "REDIS_TLS"],
  ["no JWT_SECRET", ({ JWT_SECRET: _, ...env }) => env, "JWT_SECRET"],
  ["a short JWT_SECRET", (env) => ({ ...env, JWT_SECRET: "short" }), "JWT_SECRET"],
  ["PORT not a number", (env) => ({ ...env, PORT: "http" }), "PORT"],
  ["PORT out of range", (env) => ({ ...env, PORT: "65536" }), "PORT"],
];

describe("a missing or invalid variable", () => {
  it.each(BAD)("%s: a ConfigError naming it", (_, change, variable) => {
    const env = change({ ...envs.phase2 });
    let error: unknown;
    try {
      readConfig(env);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^${variable}: `));
    // Never the passwords.
    for (const secret of [env.MONGODB_PASSWORD, env.REDIS_PASSWORD, "p@ss"]) if (secret) expect((error as Error).message).not.toContain(secret);
  });

  it.each([
    ["no MONGODB_URI", "MONGODB_URI", ({ MONGODB_URI: _, ...env }: Env) => env],
    ["a bad REDIS_MODE", "REDIS_MODE", (env: Env) => ({ ...env, REDIS_MODE: "replicated" })],
    ["cluster without REDIS_CLUSTER_NODES", "REDIS_CLUSTER_NODES", ({ REDIS_CLUSTER_NODES: _, ...env }: Env) => env],
  ])("the process with %s exits 1 and names %s on stderr", async (_, variable, change) => {
    const env = change({ ...envs.phase3 });
    const { code, output } = await runApiToExit(env);
    expect(code).toBe(1);
    expect(output).toContain(`reference-api: invalid environment: ${variable}: `);
    expect(output).not.toContain(envs.phase3?.MONGODB_PASSWORD ?? "?");
  });
});
