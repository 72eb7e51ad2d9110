// The API container's environment exactly as the chart renders it for a phase (the
// root's render harness and its pinned fake secrets; envFrom, then env with $(VAR)
// expanded as the kubelet does), with only the database addresses changed to the local
// servers: the in-cluster names become 127.0.0.1 ports.
import type { Phase } from "../../../src/phases.ts";
import { renderPhase } from "../../../test/render.ts";
import { containerEnvironment } from "../../../test/support/pod-env.ts";

export type Env = Record<string, string>;

/** The API's environment for the phase, secrets resolved to the render's (fake) values. */
export async function chartApiEnv(phase: Phase): Promise<Env> {
  const rendered = await renderPhase(phase);
  const container = rendered.find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");
  if (!container) throw new Error(`the ${phase} render has no api container in Deployment vendata-api`);
  return containerEnvironment(rendered, container, { name: "vendata-api-0", ip: "127.0.0.1" });
}

/**
 * The same environment pointed at local servers: MONGODB_HOSTS (inside MONGODB_URI too)
 * becomes `mongo`, and the Redis endpoints of the mode (REDIS_URL's host, REDIS_SENTINELS,
 * REDIS_CLUSTER_NODES, and where REDIS_URL repeats them) become `redis`.
 */
export function localize(env: Env, targets: { mongo: string; redis: readonly string[] }): Env {
  const out: Env = { ...env };
  const replace = (from: string | undefined, to: string) => {
    if (!from) throw new Error(`nothing to replace with ${to}`);
    for (const key of Object.keys(out)) out[key] = (out[key] ?? "").split(from).join(to);
  };
  replace(env.MONGODB_HOSTS, targets.mongo);
  const first = targets.redis[0] ?? "";
  switch (env.REDIS_MODE) {
    case "standalone":
      replace(/^redis:\/\/([^/]+)/.exec(env.REDIS_URL ?? "")?.[1], first);
      break;
    case "sentinel":
      replace(env.REDIS_SENTINELS, targets.redis.join(","));
      break;
    case "cluster":
      replace(env.REDIS_CLUSTER_NODES, targets.redis.join(","));
      replace(/^redis:\/\/([^/]+)/.exec(env.REDIS_URL ?? "")?.[1], first);
      break;
    default:
      throw new Error(`REDIS_MODE ${env.REDIS_MODE} is not a chart mode`);
  }
  const left = Object.entries(out).filter(([, value]) => value.includes(".svc"));
  if (left.length > 0) throw new Error(`in-cluster names left after localizing: ${left.map(([k, v]) => `${k}=${v}`).join(" ")}`);
  return out;
}
