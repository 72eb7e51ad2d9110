// Sessions in Redis: PUT /api/sessions/:id stores the JSON body as a string under
// session:<id> with a TTL (default 3600 s, ?ttl= overrides); GET returns it with the
// seconds it has left, or 404.
import { dependency, HttpError, readJson } from "../http.js";
import type { RedisStore } from "../redis.js";
import { route, type Route, type RouteRequest } from "../router.js";

export const DEFAULT_SESSION_TTL = 3600;
export const MAX_SESSION_TTL = 30 * 24 * 3600;
const ID = /^[A-Za-z0-9._:-]{1,128}$/;

function sessionKey(request: RouteRequest): string {
  const id = request.params.id ?? "";
  if (!ID.test(id)) throw new HttpError(400, "session id must be 1-128 characters of A-Z a-z 0-9 . _ : -");
  return `session:${id}`;
}

function ttlOf(request: RouteRequest): number {
  const text = request.query.get("ttl");
  if (text === null) return DEFAULT_SESSION_TTL;
  const ttl = Number(text);
  if (!/^\d+$/.test(text) || ttl < 1 || ttl > MAX_SESSION_TTL) throw new HttpError(400, `ttl must be a whole number of seconds from 1 to ${MAX_SESSION_TTL}`);
  return ttl;
}

export function sessionRoutes(redis: RedisStore): Route[] {
  return [
    route("PUT", "/api/sessions/:id", async (request) => {
      const key = sessionKey(request);
      const ttl = ttlOf(request);
      const data = await readJson(request.raw);
      await dependency("redis", () => redis.client.set(key, JSON.stringify(data), "EX", ttl));
      return { status: 200, body: { id: request.params.id, ttl } };
    }),
    route("GET", "/api/sessions/:id", async (request) => {
      const key = sessionKey(request);
      // One transaction (one key, so one slot in cluster mode): the value and its TTL agree.
      const results = await dependency("redis", async () => {
        const replies = await redis.client.multi().get(key).ttl(key).exec();
        const failed = replies?.find(([error]) => error);
        if (!replies || failed) throw failed?.[0] ?? new Error("transaction aborted");
        return replies.map(([, value]) => value);
      });
      const [value, ttl] = results as [string | null, number];
      if (value === null) throw new HttpError(404, `no session ${request.params.id}`);
      return { status: 200, body: { id: request.params.id, data: JSON.parse(value) as unknown, ttl } };
    }),
  ];
}
