// Phase 2's environment (Redis through a sentinel, Mongo as replica set rs0) on real
// servers: the API asks the sentinel for the master, with the password the sentinels
// require too, and the driver joins rs0 with readPreference=primary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, type Api } from "./support/api.ts";
import type { Env } from "./support/chart-env.ts";
import { startPhase, stopPhase, type PhaseServers } from "./support/phase.ts";
import { redisCli, startSentinelSet, type RedisSet } from "./support/redis.ts";

let servers: PhaseServers | undefined;
let env: Env;
let redis: RedisSet;
let api: Api;
let password: string;

beforeAll(async () => {
  servers = await startPhase("phase2", (pw, chart) => startSentinelSet(pw, chart.REDIS_SENTINEL_MASTER ?? ""));
  ({ env, redis, api, password } = servers);
});

afterAll(() => stopPhase(servers));

describe("phase 2 environment: Redis sentinel, Mongo replica set rs0", () => {
  it("takes the chart's sentinel settings and replica-set URI as they are", () => {
    expect(env).toMatchObject({ REDIS_MODE: "sentinel", REDIS_SENTINEL_MASTER: "vendata", REDIS_SENTINELS: redis.addresses.join(","), MONGODB_REPLICA_SET: "rs0" });
    expect(env.REDIS_URL).toBe(`redis+sentinel://${redis.addresses.join(",")}/vendata/0`);
    expect(env.MONGODB_URI).toContain("?replicaSet=rs0&authSource=admin&maxPoolSize=100&minPoolSize=10&readPreference=primary");
  });

  it("GET /api/health is 200", async () => {
    const response = await fetch(`${api.url}/api/health`);
    expect(await json(response)).toEqual({ mongo: "ok", redis: "ok" });
  });

  it("a session is written to the master the sentinel names, and read back with its TTL", async () => {
    expect((await fetch(`${api.url}/api/sessions/via-sentinel?ttl=600`, { method: "PUT", body: '{"n":2}' })).status).toBe(200);
    const [master, replica] = redis.servers;
    expect(redisCli(master!.address, password, "GET", "session:via-sentinel")).toBe('{"n":2}');
    expect(Number(redisCli(master!.address, password, "TTL", "session:via-sentinel"))).toBeGreaterThan(590);
    await expect.poll(() => redisCli(replica!.address, password, "GET", "session:via-sentinel"), { timeout: 5_000 }).toBe('{"n":2}');
    expect(await json(await fetch(`${api.url}/api/sessions/via-sentinel`))).toMatchObject({ id: "via-sentinel", data: { n: 2 } });
  });

  it("orders are written and listed newest first through the replica set", async () => {
    for (const total of [10, 20]) {
      expect((await fetch(`${api.url}/api/orders`, { method: "POST", body: JSON.stringify({ userId: "rs-user", total }) })).status).toBe(201);
      await new Promise((r) => setTimeout(r, 5));
    }
    const listed = (await json(await fetch(`${api.url}/api/orders?userId=rs-user`))) as { orders: { total: number }[] };
    expect(listed.orders.map((o) => o.total)).toEqual([20, 10]);
  });

  it("GET /api/health is 503 naming Redis when the master is stopped (the sentinel still answers)", async () => {
    await redis.servers[0]!.process.stop();
    const response = await fetch(`${api.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await json(response)).toMatchObject({ mongo: "ok", redis: expect.stringMatching(/^error: /) });
  });
});
