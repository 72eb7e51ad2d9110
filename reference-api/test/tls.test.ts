// Redis over TLS (REDIS_TLS=true and a rediss:// REDIS_URL, what the chart sets for an
// external Redis with tls) against redis-server speaking TLS only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, json, type Api } from "./support/api.ts";
import { chartApiEnv, localize } from "./support/chart-env.ts";
import { startMongo, type FerretDb } from "./support/mongo.ts";
import { startTlsStandalone, type RedisSet } from "./support/redis.ts";

let mongo: FerretDb;
let redis: RedisSet & { ca: string };
let api: Api;

beforeAll(async () => {
  const chart = await chartApiEnv("phase1");
  [mongo, redis] = await Promise.all([startMongo(chart), startTlsStandalone(chart.REDIS_PASSWORD ?? "")]);
  const env = localize(chart, { mongo: mongo.address, redis: redis.addresses });
  // The server's self-signed certificate, trusted the way a user adds a private CA to Node.
  api = await startApi({ ...env, REDIS_URL: env.REDIS_URL!.replace(/^redis:/, "rediss:"), REDIS_TLS: "true", NODE_EXTRA_CA_CERTS: redis.ca });
});

afterAll(async () => {
  await api?.stop();
  await Promise.all([redis?.stop(), mongo?.stop()]);
});

describe("Redis over TLS", () => {
  it("health is 200 and a session round-trips", async () => {
    expect(await json(await fetch(`${api.url}/api/health`))).toEqual({ mongo: "ok", redis: "ok" });
    expect((await fetch(`${api.url}/api/sessions/tls`, { method: "PUT", body: '{"t":1}' })).status).toBe(200);
    expect(await json(await fetch(`${api.url}/api/sessions/tls`))).toMatchObject({ data: { t: 1 } });
  });
});
