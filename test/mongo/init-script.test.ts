// The chart's mongosh scripts, run as the Jobs run them (with the rendered config.json and
// the Secret's values in the environment) against replica sets kept in memory by
// fake-mongo.ts: initiation, members, users, shards and indexes end as the values say,
// and a second run writes nothing.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.ts";
import type { Phase } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";
import { FakeCluster, type User } from "./fake-mongo.ts";
import { jobConfig, podHost } from "./job-config.ts";

const FILES = join(REPO_ROOT, "charts/vendata/charts/mongo/files");
const KEYFILE = "FakeMongoKeyfileForTestsOnly0000000000000000000000000000000000";
const ENV = { MONGODB_KEYFILE: KEYFILE, MONGODB_ROOT_PASSWORD: "FakeMongoRootPasswordForTestsOnly0000", MONGODB_PASSWORD: "FakeMongoPasswordForTestsOnly0000" };

async function configJson(phase: Phase, values?: object): Promise<string> {
  const r = await renderPhase(phase, values ? { values } : {});
  return r.find("ConfigMap", "vendata-mongo-scripts").data!["config.json"]!;
}

/** A cluster with a node for every local member the config names (and the mongos). */
function clusterFor(config: string): FakeCluster {
  const parsed = JSON.parse(config) as ReturnType<typeof jobConfig>;
  const cluster = new FakeCluster(KEYFILE);
  if (parsed.standalone) {
    cluster.addNode(parsed.standalone);
    cluster.addAlias(parsed.app.hosts[0]!, parsed.standalone);
  }
  for (const set of parsed.sets) for (const m of set.members.filter((m) => m.local)) cluster.addNode(m.host);
  if (parsed.mongos) cluster.mongos = { host: parsed.mongos, configSet: "cfg" };
  return cluster;
}

function run(cluster: FakeCluster, script: string, config: string, env: Record<string, string> = ENV): string[] {
  const before = cluster.writes.length;
  const started = performance.now();
  cluster.runScript(FILES, script, config, env);
  console.log(`${script}: ${cluster.writes.length - before} writes in ${(performance.now() - started).toFixed(1)} ms`);
  return cluster.writes.slice(before);
}

const rootAndApp = (): Map<string, User> =>
  new Map([
    ["admin", { password: ENV.MONGODB_ROOT_PASSWORD, roles: [{ role: "root", db: "admin" }] }],
    ["vendata", { password: ENV.MONGODB_PASSWORD, roles: [{ role: "readWrite", db: "vendata_prod" }] }],
  ]);

describe("init.js", () => {
  it("forms phase 2's rs0 with its 3 members and both users, then a second run writes nothing", async () => {
    const config = await configJson("phase2");
    const cluster = clusterFor(config);
    expect(run(cluster, "init.js", config)).toEqual(["rs0: initiate on " + podHost("mongo", 0) + " with 3 members", "createUser admin", "createUser vendata"]);
    const set = cluster.set("rs0")!;
    expect(set.config.members.map((m) => m.host)).toEqual([0, 1, 2].map((i) => podHost("mongo", i)));
    expect(set.users.get("vendata")?.roles).toEqual([{ role: "readWrite", db: "vendata_prod" }]);
    expect(set.users.get("admin")?.roles).toEqual([{ role: "root", db: "admin" }]);
    expect(run(cluster, "init.js", config)).toEqual([]);
    expect(cluster.output.at(-1)).toMatch(/mongo is as the values describe$/);
  });

  it("creates the users of a standalone, then writes nothing", async () => {
    const config = await configJson("phase1");
    const cluster = clusterFor(config);
    expect(run(cluster, "init.js", config)).toEqual(["createUser admin", "createUser vendata"]);
    expect(run(cluster, "init.js", config)).toEqual([]);
  });

  it("turns phase 1's standalone into rs0's first member, keeping its users (phase 1 -> 2)", async () => {
    const config = await configJson("phase2");
    const cluster = clusterFor(config);
    cluster.nodes.get(podHost("mongo", 0))!.users = rootAndApp();
    expect(run(cluster, "init.js", config)).toEqual(["rs0: initiate on " + podHost("mongo", 0) + " with 3 members"]);
    expect(cluster.set("rs0")!.primary).toBe(podHost("mongo", 0));
  });

  it("adds the members of a scale-up one reconfig at a time, and updates a rotated password only", async () => {
    const cluster = clusterFor(await configJson("phase2", { mongo: { replicaSet: { replicas: 5 } } }));
    run(cluster, "init.js", await configJson("phase2"));
    const grown = await configJson("phase2", { mongo: { replicaSet: { replicas: 5 } } });
    const writes = run(cluster, "init.js", grown);
    expect(writes).toEqual([expect.stringMatching(/^rs0: reconfig to .* 3=vendata-mongo-3\/p1\/v1$/), expect.stringMatching(/ 4=vendata-mongo-4\/p1\/v1$/)]);
    expect(run(cluster, "init.js", grown, { ...ENV, MONGODB_PASSWORD: "RotatedFakePasswordForTests0000" })).toEqual(["updateUser vendata pwd"]);
  });

  it("shrinks 5 members to 3 in the pre-upgrade hook, and refuses when the rest would lack a majority", async () => {
    const five = await configJson("phase2", { mongo: { replicaSet: { replicas: 5 } } });
    const three = await configJson("phase2");
    const cluster = clusterFor(five);
    run(cluster, "init.js", five);
    expect(run(cluster, "scale-down.js", three)).toHaveLength(2);
    expect(cluster.set("rs0")!.config.members).toHaveLength(3);
    expect(run(cluster, "scale-down.js", three)).toEqual([]);

    const one = await configJson("phase2", { mongo: { replicaSet: { replicas: 1 } } });
    cluster.nodes.get(podHost("mongo", 1))!.up = false;
    expect(() => run(cluster, "scale-down.js", one)).toThrow(/refusing to remove .*vendata-mongo-2.* 1 of the 2 voting members/);
    expect(cluster.set("rs0")!.config.members).toHaveLength(3);
  });

  it("builds phase 4's sharded cluster: sets with the us-east members, users, shards, orders sharded on a hashed userId; then writes nothing", async () => {
    const config = await configJson("phase4");
    const cluster = clusterFor(config);
    const writes = run(cluster, "init.js", config);
    for (const set of ["cfg", "shard0", "shard1"]) {
      const members = cluster.set(set)!.config.members;
      expect(members.map((m) => m.priority), set).toEqual([2, 2, 2, 1, 1]);
      expect(members.filter((m) => m.host.includes(".us-east.")), set).toHaveLength(2);
    }
    expect(cluster.set("cfg")!.config.configsvr).toBe(true);
    expect(cluster.set("cfg")!.users.has("vendata")).toBe(true);
    expect(cluster.set("shard0")!.users.has("vendata")).toBe(false);
    expect(cluster.shards).toEqual(["shard0", "shard1"]);
    expect(Object.fromEntries(cluster.sharded)).toEqual({ "vendata_prod.orders": { userId: "hashed" } });
    expect(writes.filter((w) => w.startsWith("shardCollection"))).toHaveLength(1);
    expect(run(cluster, "init.js", config)).toEqual([]);
  });
});

describe("indexes.js", () => {
  it.each(["phase2", "phase4"] as const)("%s: creates the three indexes as the application user, keys in order, once", async (phase) => {
    const config = await configJson(phase);
    const cluster = clusterFor(config);
    run(cluster, "init.js", config);
    const writes = run(cluster, "indexes.js", config, { MONGODB_PASSWORD: ENV.MONGODB_PASSWORD });
    expect(writes.filter((w) => w.startsWith("createIndex vendata_prod.users") || w.startsWith("createIndex vendata_prod.orders {\"userId\":1"))).toEqual([
      'createIndex vendata_prod.users {"email":1} {"unique":true}',
      'createIndex vendata_prod.users {"role":1} {}',
      'createIndex vendata_prod.orders {"userId":1,"createdAt":-1} {}',
    ]);
    expect(run(cluster, "indexes.js", config, { MONGODB_PASSWORD: ENV.MONGODB_PASSWORD })).toEqual([]);
  });
});
