// Redis through ioredis in the chart's three modes: standalone (REDIS_URL), sentinel
// (ask REDIS_SENTINELS for the master REDIS_SENTINEL_MASTER; the sentinels require
// REDIS_PASSWORD too) and cluster (REDIS_CLUSTER_NODES as seeds). ioredis reconnects on
// its own; errors are logged once per change, not per retry.
import { Cluster, Redis } from "ioredis";
import type { RedisConfig } from "./config.js";
import { log } from "./log.js";
import { withTimeout } from "./timeout.js";

export type RedisClient = Redis | Cluster;

export interface RedisStore {
  readonly client: RedisClient;
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

// A command waits for a reconnect at most twice, then fails (the request gets a 503),
// instead of ioredis' default of 20 retries.
const MAX_RETRIES_PER_REQUEST = 2;

export function createRedis(config: RedisConfig): RedisStore {
  const password = config.password === undefined ? {} : { password: config.password };
  // TLS with the system's CAs (Node's, plus NODE_EXTRA_CA_CERTS).
  const tls = config.tls ? { tls: {} } : {};
  let client: RedisClient;
  switch (config.mode) {
    case "standalone":
      client = new Redis(config.url, { ...password, ...tls, maxRetriesPerRequest: MAX_RETRIES_PER_REQUEST });
      break;
    case "sentinel":
      client = new Redis({
        sentinels: config.sentinels,
        name: config.masterName,
        ...password,
        ...(config.password === undefined ? {} : { sentinelPassword: config.password }),
        // The sentinels and the master they name, both over TLS.
        ...(config.tls ? { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true } : {}),
        maxRetriesPerRequest: MAX_RETRIES_PER_REQUEST,
      });
      break;
    case "cluster":
      client = new Cluster(config.nodes, { redisOptions: { ...password, ...tls, maxRetriesPerRequest: MAX_RETRIES_PER_REQUEST } });
      break;
  }

  let lastError = "";
  client.on("error", (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    log({ msg: "redis error", mode: config.mode, error: error.message });
  });
  client.on("ready", () => {
    if (lastError) log({ msg: "redis ready again", mode: config.mode });
    lastError = "";
  });

  return {
    client,
    ping: async (timeoutMs) => {
      const answer = await withTimeout(client.ping(), timeoutMs, "redis ping");
      if (answer !== "PONG") throw new Error(`PING answered ${answer}`);
    },
    close: async () => {
      try {
        await withTimeout(client.quit(), 2_000, "redis quit");
      } catch {
        client.disconnect();
      }
    },
  };
}
