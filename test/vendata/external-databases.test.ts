// mongo.enabled / redis.enabled false with global.externalMongo / externalRedis: the API is
// told about the external databases exactly as about the bundled ones (the same keys of
// the connections ConfigMap, from the same library helpers), reads their passwords from
// their own Secrets, and its NetworkPolicy lets it reach them; nothing of the disabled
// database is rendered.
import type { NetworkPolicyEgressRule } from "kubernetes-types/networking/v1.js";
import { describe, expect, it } from "vitest";
import { runHelm } from "../../src/helm/run.ts";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { phaseValuesFiles, type Phase } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { allows } from "../support/network-policy.ts";
import { containerEnvironment } from "../support/pod-env.ts";
import { valuesFile } from "../refusals.ts";
import { FAKE_SECRETS, HELM_VERSIONS, renderPhase } from "../render.ts";

const pod = (component: string) => ({ "app.kubernetes.io/instance": "vendata", "app.kubernetes.io/component": component });
const bundledSecret = (key: string) => `<secret vendata-secrets/${key}>`;
const BUNDLED_REDIS_STANDALONE = { REDIS_MODE: "standalone", REDIS_URL: "redis://vendata-redis.vendata.svc:6379/0" };

// What the e2e tests install: FerretDB behind a Service in the release namespace, the
// user and its Secret created by the test, authSource the FerretDB setup user's database.
const FERRETDB = {
  hosts: ["ferretdb.vendata.svc:27017"],
  database: "vendata",
  username: "vendata-app",
  existingSecret: "ferretdb-vendata",
  options: { authSource: "ferretdb" },
};

interface Scenario {
  name: string;
  phase: Phase;
  values: object;
  /** The whole connections ConfigMap. */
  connections: Record<string, string>;
  MONGODB_URI: string;
  MONGODB_PASSWORD: string;
  REDIS_PASSWORD: string;
  /** The API's egress rules for the external databases (none: only bundled ones). */
  externalEgress: NetworkPolicyEgressRule[];
  /** Bundled databases still running, which the API must still reach. */
  bundled: ("mongo" | "redis")[];
}

const SCENARIOS: Scenario[] = [
  {
    name: "phase 1 with an external Mongo in the namespace (FerretDB, as the e2e tests run it)",
    phase: "phase1",
    values: { mongo: { enabled: false }, global: { externalMongo: FERRETDB } },
    connections: {
      MONGODB_HOSTS: "ferretdb.vendata.svc:27017",
      MONGODB_DATABASE: "vendata",
      MONGODB_USERNAME: "vendata-app",
      MONGODB_OPTIONS: "maxPoolSize=100&minPoolSize=10&authSource=ferretdb",
      MONGODB_REPLICA_SET: "",
      ...BUNDLED_REDIS_STANDALONE,
    },
    MONGODB_URI: "mongodb://vendata-app:<secret ferretdb-vendata/MONGODB_PASSWORD>@ferretdb.vendata.svc:27017/vendata?maxPoolSize=100&minPoolSize=10&authSource=ferretdb",
    MONGODB_PASSWORD: "<secret ferretdb-vendata/MONGODB_PASSWORD>",
    REDIS_PASSWORD: bundledSecret("REDIS_PASSWORD"),
    externalEgress: [{ ports: [{ protocol: "TCP", port: 27017 }] }],
    bundled: ["redis"],
  },
  {
    name: "phase 1 with an external standalone Redis",
    phase: "phase1",
    values: { redis: { enabled: false }, global: { externalRedis: { mode: "standalone", hosts: ["redis.example.com:6380"], existingSecret: "redis-app", passwordKey: "password" } } },
    connections: {
      MONGODB_HOSTS: "vendata-mongo.vendata.svc:27017",
      MONGODB_DATABASE: "vendata_prod",
      MONGODB_USERNAME: "vendata",
      MONGODB_OPTIONS: "authSource=admin&maxPoolSize=100&minPoolSize=10",
      MONGODB_REPLICA_SET: "",
      REDIS_MODE: "standalone",
      REDIS_URL: "redis://redis.example.com:6380/0",
    },
    MONGODB_URI: `mongodb://vendata:${bundledSecret("MONGODB_PASSWORD")}@vendata-mongo.vendata.svc:27017/vendata_prod?authSource=admin&maxPoolSize=100&minPoolSize=10`,
    MONGODB_PASSWORD: bundledSecret("MONGODB_PASSWORD"),
    REDIS_PASSWORD: "<secret redis-app/password>",
    externalEgress: [{ ports: [{ protocol: "TCP", port: 6380 }] }],
    bundled: ["mongo"],
  },
  {
    name: "phase 2 with both external: a replica set over TLS and sentinels",
    phase: "phase2",
    values: {
      mongo: { enabled: false },
      redis: { enabled: false },
      global: {
        externalMongo: {
          hosts: ["mongo-0.db.example.com:27017", "mongo-1.db.example.com:27017", "mongo-2.db.example.com:27018"],
          database: "vendata_prod",
          username: "vendata",
          replicaSet: "rs0",
          tls: true,
          pool: { maxPoolSize: 50 },
          options: "authSource=admin&readPreference=primaryPreferred",
          existingSecret: "mongo-app",
          passwordKey: "mongodb-password",
          networkPolicyPeers: [{ ipBlock: { cidr: "10.50.0.0/16" } }],
        },
        externalRedis: {
          mode: "sentinel",
          hosts: ["sentinel-0.example.com:26379", "sentinel-1.example.com:26379", "sentinel-2.example.com:26379"],
          sentinelMasterName: "mymaster",
          redisPort: 6380,
          existingSecret: "redis-app",
        },
      },
    },
    connections: {
      MONGODB_HOSTS: "mongo-0.db.example.com:27017,mongo-1.db.example.com:27017,mongo-2.db.example.com:27018",
      MONGODB_DATABASE: "vendata_prod",
      MONGODB_USERNAME: "vendata",
      MONGODB_OPTIONS: "replicaSet=rs0&tls=true&maxPoolSize=50&minPoolSize=10&authSource=admin&readPreference=primaryPreferred",
      MONGODB_REPLICA_SET: "rs0",
      REDIS_MODE: "sentinel",
      REDIS_SENTINELS: "sentinel-0.example.com:26379,sentinel-1.example.com:26379,sentinel-2.example.com:26379",
      REDIS_SENTINEL_MASTER: "mymaster",
      REDIS_URL: "redis+sentinel://sentinel-0.example.com:26379,sentinel-1.example.com:26379,sentinel-2.example.com:26379/mymaster/0",
    },
    MONGODB_URI:
      "mongodb://vendata:<secret mongo-app/mongodb-password>@mongo-0.db.example.com:27017,mongo-1.db.example.com:27017,mongo-2.db.example.com:27018/vendata_prod?replicaSet=rs0&tls=true&maxPoolSize=50&minPoolSize=10&authSource=admin&readPreference=primaryPreferred",
    MONGODB_PASSWORD: "<secret mongo-app/mongodb-password>",
    REDIS_PASSWORD: "<secret redis-app/REDIS_PASSWORD>",
    externalEgress: [
      {
        ports: [
          { protocol: "TCP", port: 27017 },
          { protocol: "TCP", port: 27018 },
        ],
        to: [{ ipBlock: { cidr: "10.50.0.0/16" } }],
      },
      // The sentinels, then the Redis servers they hand out.
      {
        ports: [
          { protocol: "TCP", port: 26379 },
          { protocol: "TCP", port: 6380 },
        ],
      },
    ],
    bundled: [],
  },
  {
    name: "phase 3 with both external: Redis Cluster over TLS in another namespace, options as a map",
    phase: "phase3",
    values: {
      mongo: { enabled: false },
      redis: { enabled: false },
      global: {
        externalMongo: {
          hosts: ["mongos.data.svc.cluster.local:27017"],
          database: "vendata_prod",
          username: "vendata",
          options: { authSource: "admin", readPreference: "secondaryPreferred", w: "majority" },
          existingSecret: "mongo-app",
        },
        externalRedis: {
          mode: "cluster",
          hosts: ["redis-0.redis.data.svc:6379", "redis-1.redis.data.svc:6379", "redis-2.redis.data.svc:6379"],
          tls: true,
          existingSecret: "redis-app",
          networkPolicyPeers: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "data" } }, podSelector: { matchLabels: { app: "redis" } } }],
        },
      },
    },
    connections: {
      MONGODB_HOSTS: "mongos.data.svc.cluster.local:27017",
      MONGODB_DATABASE: "vendata_prod",
      MONGODB_USERNAME: "vendata",
      MONGODB_OPTIONS: "maxPoolSize=100&minPoolSize=10&authSource=admin&readPreference=secondaryPreferred&w=majority",
      MONGODB_REPLICA_SET: "",
      REDIS_MODE: "cluster",
      REDIS_CLUSTER_NODES: "redis-0.redis.data.svc:6379,redis-1.redis.data.svc:6379,redis-2.redis.data.svc:6379",
      REDIS_URL: "rediss://redis-0.redis.data.svc:6379",
      REDIS_TLS: "true",
    },
    MONGODB_URI:
      "mongodb://vendata:<secret mongo-app/MONGODB_PASSWORD>@mongos.data.svc.cluster.local:27017/vendata_prod?maxPoolSize=100&minPoolSize=10&authSource=admin&readPreference=secondaryPreferred&w=majority",
    MONGODB_PASSWORD: "<secret mongo-app/MONGODB_PASSWORD>",
    REDIS_PASSWORD: "<secret redis-app/REDIS_PASSWORD>",
    externalEgress: [
      { ports: [{ protocol: "TCP", port: 27017 }] },
      {
        ports: [{ protocol: "TCP", port: 6379 }],
        to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "data" } }, podSelector: { matchLabels: { app: "redis" } } }],
      },
    ],
    bundled: [],
  },
];

const apiContainer = (r: Rendered) => r.find("Deployment", "vendata-api").spec?.template.spec?.containers.find((c) => c.name === "api");

/** Objects that belong to a database: by name (vendata-mongo-..., vendata-allow-redis) or component label. */
function databaseObjects(r: Rendered, database: "mongo" | "redis"): string[] {
  const byName = new RegExp(`-${database}(-|$)`);
  return r.objects
    .filter((o) => byName.test(o.metadata.name) || (o.metadata.labels?.["app.kubernetes.io/component"] ?? "").startsWith(database))
    .map((o) => `${o.kind}/${o.metadata.name}`);
}

describe.each(SCENARIOS)("$name", (scenario) => {
  const { phase, values } = scenario;
  const off = (["mongo", "redis"] as const).filter((d) => !scenario.bundled.includes(d));

  it.each(HELM_VERSIONS)("renders nothing of the disabled database on helm %i", async (helm) => {
    const r = await renderPhase(phase, { helm, values });
    for (const database of off) expect(databaseObjects(r, database), database).toEqual([]);
    for (const database of scenario.bundled) expect(databaseObjects(r, database).length, database).toBeGreaterThan(0);
  });

  it.each(HELM_VERSIONS)("tells the API where the databases are, the same keys as for bundled ones, on helm %i", async (helm) => {
    const r = await renderPhase(phase, { helm, values });
    expect(r.find("ConfigMap", "vendata-connections").data).toEqual(scenario.connections);
    const env = containerEnvironment(r, apiContainer(r)!);
    expect(env.MONGODB_URI).toBe(scenario.MONGODB_URI);
  });

  it.each(HELM_VERSIONS)("reads each password from its database's Secret on helm %i", async (helm) => {
    const r = await renderPhase(phase, { helm, values });
    const env = containerEnvironment(r, apiContainer(r)!);
    expect(env).toMatchObject({
      MONGODB_PASSWORD: scenario.MONGODB_PASSWORD,
      REDIS_PASSWORD: scenario.REDIS_PASSWORD,
      JWT_SECRET: bundledSecret("JWT_SECRET"),
      ADMIN_TOKEN: bundledSecret("ADMIN_TOKEN"),
    });
    // Pods roll when an external Secret changes, as they do for the stack's own.
    expect(r.find("Deployment", "vendata-api").spec?.template.metadata?.annotations?.["checksum/external-secrets"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets the API reach the external databases on their ports, and has no policy for pods that are not rendered", async () => {
    const r = await renderPhase(phase, { values });
    const api = r.find("NetworkPolicy", "vendata-allow-api").spec;
    const external = (api?.egress ?? []).filter((rule) => !rule.to?.some((peer) => peer.podSelector && !peer.namespaceSelector));
    expect(external).toEqual(scenario.externalEgress);
    for (const database of off) expect(r.maybe("NetworkPolicy", `vendata-allow-${database}`), database).toBeUndefined();
    for (const database of scenario.bundled) expect(allows(r.all("NetworkPolicy"), pod("api"), pod(database)), database).toBe(true);
    expect(r.find("NetworkPolicy", "vendata-default-deny").spec?.podSelector.matchLabels).toEqual({ "app.kubernetes.io/instance": "vendata" });
  });

  it.each(HELM_VERSIONS)("passes helm %i lint --strict", async (helm) => {
    const files = [...phaseValuesFiles(phase), FAKE_SECRETS, valuesFile(values)].flatMap((f) => ["-f", f.startsWith("/") ? f : `${REPO_ROOT}/${f}`]);
    const out = await runHelm(["lint", "--strict", `${REPO_ROOT}/charts/vendata`, ...files], { helm });
    expect(out).toContain("1 chart(s) linted, 0 chart(s) failed");
  });

  it.each(HELM_VERSIONS)("renders only valid Kubernetes objects on helm %i, unknown fields rejected", async (helm) => {
    assertValidKubernetesObjects((await renderPhase(phase, { helm, values })).objects);
  });

  it("is accepted by the toolkit", () => {
    expect(validateValuesFiles([...phaseValuesFiles(phase), valuesFile(values)])).toEqual([]);
  });
});

describe("an external Mongo", () => {
  it("gets the bundled Mongo's pool when its own pool is not set", async () => {
    const pool = (options: string | undefined) => (options ?? "").split("&").filter((o) => /^m(ax|in)PoolSize=/.test(o));
    const [bundled, external] = await Promise.all([renderPhase("phase1"), renderPhase("phase1", { values: SCENARIOS[0]!.values })]);
    const bundledPool = pool(bundled.find("ConfigMap", "vendata-connections").data?.MONGODB_OPTIONS);
    expect(bundledPool).toEqual(["maxPoolSize=100", "minPoolSize=10"]);
    expect(pool(external.find("ConfigMap", "vendata-connections").data?.MONGODB_OPTIONS)).toEqual(bundledPool);
  });

});

describe("without external databases", () => {
  it("the API reads both passwords from the stack's Secret and carries no external-secret checksum", async () => {
    const r = await renderPhase("phase2");
    const env = containerEnvironment(r, apiContainer(r)!);
    expect(env.MONGODB_PASSWORD).toBe(bundledSecret("MONGODB_PASSWORD"));
    expect(env.REDIS_PASSWORD).toBe(bundledSecret("REDIS_PASSWORD"));
    expect(r.find("Deployment", "vendata-api").spec?.template.metadata?.annotations?.["checksum/external-secrets"]).toBeUndefined();
  });
});
