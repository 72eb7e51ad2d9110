// Phase 3's environment (Redis Cluster seeds, Mongo rs0 with secondaryPreferred reads)
// on real servers: sessions spread over the cluster's masters; the driver's pool takes
// the URI's maxPoolSize and minPoolSize (its CMAP events say so).
import type { ConnectionPoolCreatedEvent } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";
import { createMongo } from "../src/mongo.ts";
import { json, type Api } from "./support/api.ts";
import type { Env } from "./support/chart-env.ts";
import { startPhase, stopPhase, type PhaseServers } from "./support/phase.ts";
import { redisCli, startCluster, type RedisSet } from "./support/redis.ts";

let servers: PhaseServers | undefined;
let env: Env;
let redis: RedisSet;
let api: Api;
let password: string;

beforeAll(async () => {
  servers = await startPhase("phase3", (pw) => startCluster(pw));
  ({ env, redis, api, password } = servers);
});

afterAll(() => stopPhase(servers));

describe("phase 3 environment: Redis Cluster, Mongo rs0 reading from secondaries", () => {
  it("takes the chart's cluster seeds and URI as they are", () => {
    expect(env).toMatchObject({ REDIS_MODE: "cluster", REDIS_CLUSTER_NODES: redis.addresses.join(","), REDIS_URL: `redis://${redis.addresses[0]}` });
    expect(env.MONGODB_URI).toContain("?replicaSet=rs0&authSource=admin&maxPoolSize=100&minPoolSize=10&readPreference=secondaryPreferred");
  });

  it("GET /api/health is 200", async () => {
    const response = await fetch(`${api.url}/api/health`);
    expect(await json(response)).toEqual({ mongo: "ok", redis: "ok" });
  });

  it("sessions land on every master (keys hash to their slots) and read back through the cluster", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `cluster-${i}`);
    for (const id of ids) expect((await fetch(`${api.url}/api/sessions/${id}`, { method: "PUT", body: JSON.stringify({ id }) })).status).toBe(200);
    const perNode = redis.addresses.map((a) => Number(redisCli(a, password, "DBSIZE")));
    expect(perNode.reduce((a, b) => a + b, 0)).toBe(ids.length);
    expect(perNode.every((n) => n > 0)).toBe(true);
    for (const id of ids) expect(await json(await fetch(`${api.url}/api/sessions/${id}`))).toMatchObject({ id, data: { id }, ttl: expect.any(Number) });
  });

  it("orders are written and listed newest first", async () => {
    for (const total of [5, 6, 7]) {
      expect((await fetch(`${api.url}/api/orders`, { method: "POST", body: JSON.stringify({ userId: "c-user", total }) })).status).toBe(201);
      await new Promise((r) => setTimeout(r, 5));
    }
    const listed = (await json(await fetch(`${api.url}/api/orders?userId=c-user`))) as { orders: { total: number }[] };
    expect(listed.orders.map((o) => o.total)).toEqual([7, 6, 5]);
  });

  it("the driver's pool honours the URI's maxPoolSize=100 and minPoolSize=10, and reads secondaryPreferred", async () => {
    const config = readConfig(env);
    const client = createMongo(config.mongo);
    const pools: ConnectionPoolCreatedEvent[] = [];
    let created = 0;
    client.client.on("connectionPoolCreated", (event) => pools.push(event));
    client.client.on("connectionCreated", () => created++);
    try {
      await client.ping(5_000);
      expect(pools.length).toBeGreaterThan(0);
      for (const pool of pools) expect(pool.options).toMatchObject({ maxPoolSize: 100, minPoolSize: 10 });
      // The pool fills up to minPoolSize by itself.
      await expect.poll(() => created, { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
      expect(client.client.readPreference.mode).toBe("secondaryPreferred");
      expect(client.client.options.replicaSet).toBe("rs0");
      await client.indexReady;
    } finally {
      await client.close();
    }
  });

  it("GET /api/health is 503 naming Redis when the cluster's nodes are stopped", async () => {
    await Promise.all(redis.servers.map((s) => s.process.stop()));
    const response = await fetch(`${api.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await json(response)).toMatchObject({ mongo: "ok", redis: expect.stringMatching(/^error: /) });
  });
});
