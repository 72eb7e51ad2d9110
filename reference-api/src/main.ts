// Starts the reference API: reads the environment (exit 1 naming a bad variable), serves
// on PORT (3011), and on SIGTERM or SIGINT drains, closes Mongo and Redis, exits 0.
import { ConfigError, readConfig, type Config } from "./config.js";
import { log } from "./log.js";
import { createMetrics } from "./metrics.js";
import { createMongo } from "./mongo.js";
import { createRedis } from "./redis.js";
import { healthRoutes } from "./routes/health.js";
import { metricsRoutes } from "./routes/metrics.js";
import { orderRoutes } from "./routes/orders.js";
import { sessionRoutes } from "./routes/sessions.js";
import { createApp } from "./server.js";

// The chart gives a stopping pod 60 s: a 20 s preStop sleep, then SIGTERM. 30 s is
// nginx's proxy_read_timeout (no request nginx still waits for runs longer), leaving
// 10 s to close the databases.
export const DRAIN_TIMEOUT_MS = 30_000;

let config: Config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`reference-api: invalid environment: ${error.message}\n`);
  process.exit(1);
}

const mongo = createMongo(config.mongo);
const redis = createRedis(config.redis);
const metrics = createMetrics();
const app = createApp([...healthRoutes(mongo, redis), ...sessionRoutes(redis), ...orderRoutes(mongo), ...metricsRoutes(metrics)], metrics);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log({ msg: "draining", signal, graceMs: DRAIN_TIMEOUT_MS });
  await app.drain(DRAIN_TIMEOUT_MS);
  await Promise.allSettled([mongo.close(), redis.close()]);
  log({ msg: "stopped" });
  process.exit(0);
}
process.on("SIGTERM", (signal) => void stop(signal));
process.on("SIGINT", (signal) => void stop(signal));

await app.listen(config.port);
log({ msg: "listening", port: config.port, redisMode: config.redis.mode, mongoDatabase: config.mongo.database });
