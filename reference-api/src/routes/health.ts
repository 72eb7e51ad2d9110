// GET /api/health: a ping to Mongo and to Redis (in parallel, each bounded); 200 only when
// both answer, else 503 with what failed. GET /api/live: the process serves, nothing more.
import type { Mongo } from "../mongo.js";
import type { RedisStore } from "../redis.js";
import { route, type Route } from "../router.js";

export const HEALTH_TIMEOUT_MS = 2_000;

export function healthRoutes(mongo: Mongo, redis: RedisStore, timeoutMs = HEALTH_TIMEOUT_MS): Route[] {
  const check = async (ping: () => Promise<void>): Promise<string> => {
    try {
      await ping();
      return "ok";
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };
  return [
    route("GET", "/api/health", async () => {
      const [mongoState, redisState] = await Promise.all([check(() => mongo.ping(timeoutMs)), check(() => redis.ping(timeoutMs))]);
      return { status: mongoState === "ok" && redisState === "ok" ? 200 : 503, body: { mongo: mongoState, redis: redisState } };
    }),
    route("GET", "/api/live", async () => ({ status: 200, body: { live: "ok" } })),
  ];
}
