import { describe, expect, it } from "vitest";
import { PHASES, type Phase } from "../../src/phases.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";
import { containerEnvironment } from "../support/pod-env.ts";

const member = (i: number) => `vendata-mongo-${i}.vendata-mongo-headless.vendata.svc:27017`;
const redisPod = (i: number, port: number) => `vendata-redis-${i}.vendata-redis-headless.vendata.svc:${port}`;
const password = "<secret vendata-secrets/MONGODB_PASSWORD>";
const pool = "authSource=admin&maxPoolSize=100&minPoolSize=10";

// What the API must be told in each phase, computed from the mongo and redis values alone.
const EXPECTED: Record<Phase, { MONGODB_URI: string; redis: Record<string, string> }> = {
  phase1: {
    MONGODB_URI: `mongodb://vendata:${password}@vendata-mongo.vendata.svc:27017/vendata_prod?${pool}`,
    redis: { REDIS_MODE: "standalone", REDIS_URL: "redis://vendata-redis.vendata.svc:6379/0" },
  },
  phase2: {
    MONGODB_URI: `mongodb://vendata:${password}@${[0, 1, 2].map(member).join(",")}/vendata_prod?replicaSet=rs0&${pool}&readPreference=primary`,
    redis: {
      REDIS_MODE: "sentinel",
      REDIS_SENTINELS: [0, 1, 2].map((i) => redisPod(i, 26379)).join(","),
      REDIS_SENTINEL_MASTER: "vendata",
    },
  },
  phase3: {
    MONGODB_URI: `mongodb://vendata:${password}@${[0, 1, 2].map(member).join(",")}/vendata_prod?replicaSet=rs0&${pool}&readPreference=secondaryPreferred`,
    redis: { REDIS_MODE: "cluster", REDIS_CLUSTER_NODES: [0, 1, 2, 3, 4, 5].map((i) => redisPod(i, 6379)).join(","), REDIS_URL: `redis://${redisPod(0, 6379)}` },
  },
  phase4: {
    MONGODB_URI: `mongodb://vendata:${password}@vendata-mongo-mongos.vendata.svc:27017/vendata_prod?${pool}&readPreference=secondaryPreferred`,
    redis: { REDIS_MODE: "cluster", REDIS_CLUSTER_NODES: [0, 1, 2, 3, 4, 5].map((i) => redisPod(i, 6379)).join(","), REDIS_URL: `redis://${redisPod(0, 6379)}` },
  },
};

describe.each(HELM_VERSIONS)("the API's environment on helm %i", (helm) => {
  it.each(PHASES)("%s points the API at the phase's mongo and redis, credentials from the Secret", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const api = r.find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");
    const env = containerEnvironment(r, api!);
    expect(env.MONGODB_URI).toBe(EXPECTED[phase].MONGODB_URI);
    expect(env).toMatchObject(EXPECTED[phase].redis);
    expect(env).toMatchObject({
      NODE_ENV: "production",
      API_URL: "https://api.vendata.com.br",
      FRONTEND_URL: "https://vendata.com.br",
      JWT_SECRET: "<secret vendata-secrets/JWT_SECRET>",
      REDIS_PASSWORD: "<secret vendata-secrets/REDIS_PASSWORD>",
      ADMIN_TOKEN: "<secret vendata-secrets/ADMIN_TOKEN>",
    });
  });
});

describe("secrets reach the API only through Secret references", () => {
  it.each(PHASES)("%s: no ConfigMap and no literal env value holds a secret", async (phase) => {
    const r = await renderPhase(phase);
    const secretValues = Object.values(r.find("Secret", "vendata-secrets").data ?? {}).map((b64) => Buffer.from(b64, "base64").toString());
    const configMapText = JSON.stringify(r.all("ConfigMap").map((c) => c.data));
    const literalEnv = JSON.stringify(r.all("Deployment").flatMap((d) => d.spec?.template.spec?.containers.flatMap((c) => (c.env ?? []).map((e) => e.value ?? "")) ?? []));
    for (const value of secretValues) {
      expect(configMapText).not.toContain(value);
      expect(literalEnv).not.toContain(value);
    }
  });
});
