// Phase 1's environment (Redis standalone, one Mongo) on real servers: every endpoint,
// sessions' TTL, orders' order and index, metrics, health failing with each database.
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startApi, type Api } from "./support/api.ts";
import type { Env } from "./support/chart-env.ts";
import type { FerretDb } from "./support/mongo.ts";
import { startPhase, stopPhase, type PhaseServers } from "./support/phase.ts";
import { redisCli, startStandalone, type RedisSet } from "./support/redis.ts";

let servers: PhaseServers | undefined;
let env: Env;
let mongo: FerretDb;
let redis: RedisSet;
let api: Api;
let password: string;

beforeAll(async () => {
  servers = await startPhase("phase1", (pw) => startStandalone(pw));
  ({ env, mongo, redis, api, password } = servers);
});

afterAll(() => stopPhase(servers));

const put = (path: string, body: string) => fetch(`${api.url}${path}`, { method: "PUT", body, headers: { "content-type": "application/json" } });
const post = (path: string, body: string) => fetch(`${api.url}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("phase 1 environment: standalone Redis, one Mongo", () => {
  it("takes the chart's environment as it is (REDIS_URL with database 0, the pool options, authSource=admin)", () => {
    expect(env.REDIS_MODE).toBe("standalone");
    expect(env.REDIS_URL).toBe(`redis://${redis.addresses[0]}/0`);
    expect(env.MONGODB_URI).toBe(`mongodb://vendata:${env.MONGODB_PASSWORD}@${mongo.address}/vendata_prod?authSource=admin&maxPoolSize=100&minPoolSize=10`);
    expect(env.PORT).toBeUndefined();
  });

  it("GET /api/live is 200", async () => {
    const response = await fetch(`${api.url}/api/live`);
    expect(response.status).toBe(200);
  });

  it("GET /api/health is 200 with both databases ok", async () => {
    const response = await fetch(`${api.url}/api/health`);
    expect(await json(response)).toEqual({ mongo: "ok", redis: "ok" });
    expect(response.status).toBe(200);
  });

  it("PUT then GET /api/sessions/:id: the body back, a string key in Redis with the default TTL of 3600 s", async () => {
    const body = { user: "u1", roles: ["buyer"], cart: { items: 2 } };
    const stored = await put("/api/sessions/s-1", JSON.stringify(body));
    expect(stored.status).toBe(200);
    expect(await json(stored)).toEqual({ id: "s-1", ttl: 3600 });
    const read = await fetch(`${api.url}/api/sessions/s-1`);
    expect(read.status).toBe(200);
    const got = (await json(read)) as { id: string; data: unknown; ttl: number };
    expect(got).toMatchObject({ id: "s-1", data: body });
    expect(got.ttl).toBeGreaterThan(3590);
    expect(got.ttl).toBeLessThanOrEqual(3600);
    expect(redisCli(redis.addresses[0]!, password, "TYPE", "session:s-1")).toBe("string");
    expect(JSON.parse(redisCli(redis.addresses[0]!, password, "GET", "session:s-1"))).toEqual(body);
  });

  it("?ttl= sets the TTL: the session is gone (404) once it expires", async () => {
    expect(await json(await put("/api/sessions/short?ttl=1", '{"a":1}'))).toEqual({ id: "short", ttl: 1 });
    const read = (await json(await fetch(`${api.url}/api/sessions/short`))) as { ttl: number };
    expect(read.ttl).toBeLessThanOrEqual(1);
    await sleep(1_600);
    const gone = await fetch(`${api.url}/api/sessions/short`);
    expect(gone.status).toBe(404);
    expect(await json(gone)).toEqual({ error: "no session short" });
  });

  it("sessions refuse a bad TTL, a bad id and a body that is not JSON (400), and a GET of an absent one is 404", async () => {
    for (const ttl of ["0", "-5", "abc", "1.5", String(31 * 24 * 3600)]) expect((await put(`/api/sessions/x?ttl=${ttl}`, "{}")).status, ttl).toBe(400);
    expect((await put("/api/sessions/x", "{not json")).status).toBe(400);
    expect((await put("/api/sessions/x", "")).status).toBe(400);
    expect((await put(`/api/sessions/${"a".repeat(129)}`, "{}")).status).toBe(400);
    expect((await put("/api/sessions/a%20b", "{}")).status).toBe(400);
    expect((await fetch(`${api.url}/api/sessions/never-stored`)).status).toBe(404);
  });

  it("POST /api/orders validates its body (400) and stores an order in orders with createdAt (201, the id)", async () => {
    for (const bad of ["{}", '{"userId":"u"}', '{"total":3}', '{"userId":"","total":1}', '{"userId":5,"total":1}', '{"userId":"u","total":"9"}', '{"userId":"u","total":-1}', "[1]", "null", "nope"]) {
      const response = await post("/api/orders", bad);
      expect(response.status, bad).toBe(400);
      expect(await json(response), bad).toHaveProperty("error");
    }
    const created = await post("/api/orders", JSON.stringify({ userId: "solo", total: 12.5 }));
    expect(created.status).toBe(201);
    const order = (await json(created)) as { id: string; createdAt: string };
    expect(order).toMatchObject({ userId: "solo", total: 12.5 });
    expect(order.id).toMatch(/^[0-9a-f]{24}$/);

    const client = new MongoClient(env.MONGODB_URI!);
    try {
      const doc = await client.db("vendata_prod").collection("orders").findOne({ userId: "solo" });
      expect(doc?._id.toHexString()).toBe(order.id);
      expect(doc?.createdAt).toBeInstanceOf(Date);
      expect((doc?.createdAt as Date).toISOString()).toBe(order.createdAt);
    } finally {
      await client.close();
    }
  });

  it("GET /api/orders?userId= lists that user's orders, newest first, at most 50; userId is required", async () => {
    for (const total of [1, 2, 3]) {
      expect((await post("/api/orders", JSON.stringify({ userId: "alice", total }))).status).toBe(201);
      await sleep(5);
    }
    expect((await post("/api/orders", JSON.stringify({ userId: "bob", total: 99 }))).status).toBe(201);
    const listed = (await json(await fetch(`${api.url}/api/orders?userId=alice`))) as { orders: { userId: string; total: number; createdAt: string }[] };
    expect(listed.orders.map((o) => o.total)).toEqual([3, 2, 1]);
    expect(listed.orders.every((o) => o.userId === "alice")).toBe(true);
    const times = listed.orders.map((o) => Date.parse(o.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    await Promise.all(Array.from({ length: 55 }, (_, i) => post("/api/orders", JSON.stringify({ userId: "many", total: i }))));
    const many = (await json(await fetch(`${api.url}/api/orders?userId=many`))) as { orders: unknown[] };
    expect(many.orders).toHaveLength(50);
    expect((await fetch(`${api.url}/api/orders`)).status).toBe(400);
  });

  it("creates the {userId: 1, createdAt: -1} index at startup, idempotently, and the listing's query is the one it serves", async () => {
    const client = new MongoClient(env.MONGODB_URI!);
    try {
      const orders = client.db("vendata_prod").collection("orders");
      const indexes = await orders.indexes();
      expect(indexes.filter((i) => JSON.stringify(i.key) === JSON.stringify({ userId: 1, createdAt: -1 }))).toEqual([expect.objectContaining({ name: "userId_1_createdAt_-1" })]);
      // A second API on the same database: the index is there already, startup is fine.
      const again = await startApi(env);
      try {
        expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
        await expect.poll(() => again.process.output(), { timeout: 10_000 }).toContain('"msg":"orders index ready"');
      } finally {
        await again.stop();
      }
      expect((await orders.indexes()).length).toBe(indexes.length);
      // The query shape: an equality on userId and a sort on createdAt descending, which
      // mongod answers with an IXSCAN of this index and no SORT stage. FerretDB (SQLite)
      // plans it as a table SCAN whatever the indexes, so the plan itself is not checked.
      const explain = (await orders.find({ userId: "alice" }).sort({ createdAt: -1 }).limit(50).explain()) as { command?: { filter?: unknown; sort?: unknown; limit?: unknown } };
      expect(explain.command).toMatchObject({ filter: { userId: "alice" }, sort: { createdAt: -1 }, limit: 50 });
    } finally {
      await client.close();
    }
  });

  it("unknown paths are 404 and wrong methods 405, as JSON", async () => {
    const missing = await fetch(`${api.url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await json(missing)).toHaveProperty("error");
    const wrong = await fetch(`${api.url}/api/orders`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST, GET");
  });

  it("GET /metrics: a request counter and a latency histogram by route pattern and status, and the default metrics", async () => {
    await fetch(`${api.url}/api/sessions/metrics-probe-1`);
    await fetch(`${api.url}/api/sessions/metrics-probe-2`);
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    const count = (labels: string) => Number(new RegExp(`^http_requests_total\\{${labels}\\} (\\d+)$`, "m").exec(text)?.[1] ?? "NaN");
    expect(count('method="GET",route="/api/sessions/:id",status="404"')).toBeGreaterThanOrEqual(2);
    expect(count('method="PUT",route="/api/sessions/:id",status="200"')).toBeGreaterThanOrEqual(2);
    expect(count('method="POST",route="/api/orders",status="201"')).toBeGreaterThanOrEqual(59);
    expect(count('method="POST",route="/api/orders",status="400"')).toBeGreaterThanOrEqual(10);
    expect(count('method="GET",route="/api/health",status="200"')).toBeGreaterThanOrEqual(1);
    expect(count('method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/sessions\/:id",status="404"\} \d+$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="POST",route="\/api\/orders",status="201"\} \d+$/m);
    // Labels carry the pattern, never the raw path (ids would make one series per session).
    expect(text).not.toContain("metrics-probe");
    expect(text).not.toContain('route="/api/sessions/s-1"');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it("logs one JSON line per request (not the 2xx probes)", () => {
    const lines = api.process.output().split("\n").filter((l) => l.includes('"msg":"request"'));
    const parsed = lines.map((l) => JSON.parse(l) as { route: string; status: number });
    expect(parsed).toContainEqual(expect.objectContaining({ method: "POST", route: "/api/orders", status: 201 }));
    expect(parsed.some((l) => l.route === "/api/live")).toBe(false);
  });

  // Last: these stop the servers.
  it("GET /api/health is 503 naming Redis when Redis is stopped, and 200 again when it is back", async () => {
    const server = redis.servers[0]!;
    await server.process.stop();
    const down = await fetch(`${api.url}/api/health`);
    expect(down.status).toBe(503);
    const body = (await json(down)) as { mongo: string; redis: string };
    expect(body.mongo).toBe("ok");
    expect(body.redis).toMatch(/^error: /);
    // Sessions fail with 503 too, naming Redis.
    const session = await fetch(`${api.url}/api/sessions/s-1`);
    expect(session.status).toBe(503);
    expect(((await json(session)) as { error: string }).error).toMatch(/^redis: /);
    // /api/live does not look at the databases.
    expect((await fetch(`${api.url}/api/live`)).status).toBe(200);

    const back = await startStandalone(password, server.port);
    redis = { ...redis, stop: async () => void (await Promise.all([redis.servers[0]?.stop(), back.stop()])) };
    await expect.poll(async () => (await fetch(`${api.url}/api/health`)).status, { timeout: 15_000, interval: 250 }).toBe(200);
  });

  it("GET /api/health is 503 naming Mongo when Mongo is stopped", async () => {
    await mongo.process.stop();
    const started = Date.now();
    const down = await fetch(`${api.url}/api/health`);
    expect(down.status).toBe(503);
    const body = (await json(down)) as { mongo: string; redis: string };
    expect(body.redis).toBe("ok");
    expect(body.mongo).toMatch(/^error: /);
    // A short timeout: within the chart's readiness probe timeout (3 s).
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
