// The environment the chart gives the API (the <release>-connections and <release>-api
// ConfigMaps, the Secret's keys, MONGODB_URI as the kubelet expands it), read once and
// checked: a missing or invalid variable is a ConfigError that names it.
import { MongoClient } from "mongodb";

export interface HostPort {
  host: string;
  port: number;
}

/** tls: REDIS_TLS=true (the chart's external Redis with tls), or a rediss:// REDIS_URL. */
export type RedisConfig =
  | { mode: "standalone"; url: string; tls: boolean; password?: string }
  | { mode: "sentinel"; sentinels: HostPort[]; masterName: string; tls: boolean; password?: string }
  | { mode: "cluster"; nodes: HostPort[]; tls: boolean; password?: string };

export interface MongoConfig {
  uri: string;
  database: string;
  /** MONGODB_REPLICA_SET when set (it must agree with the URI's replicaSet). */
  replicaSet?: string;
}

export interface Config {
  port: number;
  mongo: MongoConfig;
  redis: RedisConfig;
  jwtSecret: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

export const DEFAULT_PORT = 3011;
const REDIS_MODES = ["standalone", "sentinel", "cluster"] as const;

type Env = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Env = process.env): Config {
  return {
    port: readPort(env),
    mongo: readMongo(env),
    redis: readRedis(env),
    jwtSecret: readJwtSecret(env),
  };
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

function required(env: Env, name: string, why = ""): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigError(name, `is not set${why}`);
  return value;
}

function readPort(env: Env): number {
  const text = optional(env, "PORT");
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new ConfigError("PORT", `"${text}" is not a TCP port (1-65535)`);
  return port;
}

function readJwtSecret(env: Env): string {
  const secret = required(env, "JWT_SECRET");
  if (secret.length < 32) throw new ConfigError("JWT_SECRET", `is ${secret.length} characters; at least 32 are needed`);
  return secret;
}

/** The URI with its password replaced, for messages. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/[^:/@]*:)[^/?]*@/i, "$1***@");
}

function readMongo(env: Env): MongoConfig {
  const uri = required(env, "MONGODB_URI");
  if (!/^mongodb(\+srv)?:\/\//.test(uri)) throw new ConfigError("MONGODB_URI", `must start with mongodb:// or mongodb+srv:// (got "${redactUri(uri)}")`);
  // The driver takes "user:p@ss@host" for user "user" at host "ss@host" without a word.
  const authority = /^mongodb(?:\+srv)?:\/\/([^/?]*)/.exec(uri)?.[1] ?? "";
  if ((authority.match(/@/g) ?? []).length > 1) throw new ConfigError("MONGODB_URI", `the user or password holds an unescaped "@" (percent-encode it as %40) (in "${redactUri(uri)}")`);
  // The driver's own parser: other unescaped characters in the password, bad pool options, ...
  let parsed: MongoClient["options"];
  try {
    parsed = new MongoClient(uri).options;
  } catch (error) {
    throw new ConfigError("MONGODB_URI", `${(error as Error).message} (in "${redactUri(uri)}")`);
  }
  const fromUri = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(uri)?.[1];
  const uriDatabase = fromUri ? decodeURIComponent(fromUri) : undefined;
  const database = optional(env, "MONGODB_DATABASE") ?? uriDatabase;
  if (!database) throw new ConfigError("MONGODB_DATABASE", "is not set and MONGODB_URI names no database");
  if (uriDatabase && database !== uriDatabase) throw new ConfigError("MONGODB_DATABASE", `"${database}" differs from the database in MONGODB_URI ("${uriDatabase}")`);
  const replicaSet = optional(env, "MONGODB_REPLICA_SET");
  if (replicaSet && parsed.replicaSet && parsed.replicaSet !== replicaSet) {
    throw new ConfigError("MONGODB_REPLICA_SET", `"${replicaSet}" differs from replicaSet=${parsed.replicaSet} in MONGODB_URI`);
  }
  return { uri, database, ...(replicaSet ? { replicaSet } : {}) };
}

function readRedis(env: Env): RedisConfig {
  const mode = required(env, "REDIS_MODE", ` (one of ${REDIS_MODES.join(", ")})`);
  const password = optional(env, "REDIS_PASSWORD");
  const auth = password === undefined ? {} : { password };
  const tlsText = optional(env, "REDIS_TLS");
  if (tlsText !== undefined && tlsText !== "true" && tlsText !== "false") throw new ConfigError("REDIS_TLS", `"${tlsText}" is not true or false`);
  const tls = tlsText === "true";
  switch (mode) {
    case "standalone": {
      const url = required(env, "REDIS_URL", " (REDIS_MODE is standalone)");
      if (!/^rediss?:\/\/[^/]/.test(url)) throw new ConfigError("REDIS_URL", `must be redis://host:port[/db] or rediss://... (got "${redactUri(url)}")`);
      try {
        new URL(url);
      } catch {
        throw new ConfigError("REDIS_URL", `"${redactUri(url)}" is not a URL`);
      }
      return { mode, url, tls: tls || url.startsWith("rediss://"), ...auth };
    }
    case "sentinel":
      return {
        mode,
        sentinels: hostList("REDIS_SENTINELS", required(env, "REDIS_SENTINELS", " (REDIS_MODE is sentinel)")),
        masterName: required(env, "REDIS_SENTINEL_MASTER", " (REDIS_MODE is sentinel)"),
        tls,
        ...auth,
      };
    case "cluster":
      return { mode, nodes: hostList("REDIS_CLUSTER_NODES", required(env, "REDIS_CLUSTER_NODES", " (REDIS_MODE is cluster)")), tls, ...auth };
    default:
      throw new ConfigError("REDIS_MODE", `"${mode}" is not one of ${REDIS_MODES.join(", ")}`);
  }
}

/** "host:port,host:port" (the chart's form of REDIS_SENTINELS and REDIS_CLUSTER_NODES). */
function hostList(name: string, text: string): HostPort[] {
  return text.split(",").map((item) => {
    const match = /^([^:\s]+):(\d+)$/.exec(item.trim());
    const port = Number(match?.[2]);
    if (!match?.[1] || port < 1 || port > 65535) throw new ConfigError(name, `"${item}" is not host:port (in "${text}")`);
    return { host: match[1], port };
  });
}
