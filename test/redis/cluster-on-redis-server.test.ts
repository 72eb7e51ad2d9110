// Phase 3's Redis Cluster on real redis-server processes: the rendered redis.conf,
// start script and cluster-creation Job, run as six local pods (see local-redis.ts).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../support/process.ts";
import { renderPhase } from "../render.ts";
import { clusterNodes, fields, podHost, redisRender, requireRedis, RedisPods, type ClusterNode } from "./local-redis.ts";

const NODES = 6;
const GROWN = 8;
const KEYS = Array.from({ length: 300 }, (_, i) => `session:${i}`);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

let pods: RedisPods;

async function nodesSeenBy(i: number): Promise<ClusterNode[]> {
  return clusterNodes(await pods.cliPod(i, "cluster", "nodes"));
}

/**
 * Every listed pod has cluster_state:ok, knows all the nodes, has its bus link to each
 * of them up (cluster_state stays ok for a while after links break), and sees
 * nodes / 2 masters with one replica each.
 */
async function healthy(indexes: readonly number[], knownNodes: number): Promise<true | undefined> {
  for (const i of indexes) {
    const info = fields(await pods.cliPod(i, "cluster", "info"));
    if (info.cluster_state !== "ok" || Number(info.cluster_known_nodes) !== knownNodes) return undefined;
    const nodes = await nodesSeenBy(i);
    const masters = nodes.filter((n) => n.role === "master");
    if (nodes.some((n) => n.failed || !n.connected) || masters.length !== knownNodes / 2) return undefined;
    if (masters.some((m) => nodes.filter((n) => n.master === m.id).length !== 1)) return undefined;
  }
  return true;
}

// Replies of redis-cli -c, without its "-> Redirected to slot ..." notes.
async function clusterClient(via: number, input: string): Promise<string[]> {
  const output = await pods.cli(["-c", "-h", podHost(via), "-p", "6379"], input);
  return output.split("\n").filter((line) => line !== "" && !line.startsWith("-> Redirected"));
}

async function writeKeys(): Promise<void> {
  // Each SET is followed by WAIT 1 on the same connection (-c follows the redirect to
  // the key's master): the write has reached a replica before the next key.
  const input = KEYS.map((k) => `SET ${k} value-of-${k}\nWAIT 1 5000\n`).join("");
  const replies = await clusterClient(0, input);
  expect(replies).toHaveLength(KEYS.length * 2);
  replies.forEach((reply, n) => expect(reply, `reply ${n}`).toBe(n % 2 === 0 ? "OK" : "1"));
}

async function readKeys(via: number): Promise<string[]> {
  return clusterClient(via, KEYS.map((k) => `GET ${k}\n`).join(""));
}

const expectedValues = KEYS.map((k) => `value-of-${k}`);
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("redis cluster on real redis-server processes", () => {
  beforeAll(async () => {
    requireRedis();
    pods = await RedisPods.create(redisRender(await renderPhase("phase3")), [6379, 16379], GROWN);
  });

  afterAll(async () => {
    await pods?.cleanup();
  });

  it("forms from the creation Job: 3 masters each with a replica, every slot covered", async () => {
    const start = Date.now();
    for (const i of all(NODES)) pods.start(i);
    await pods.runJob();
    await waitFor("a healthy cluster", () => healthy(all(NODES), NODES));
    console.log(`redis cluster: ${NODES} nodes formed in ${seconds(start)} s`);

    const info = fields(await pods.cliPod(0, "cluster", "info"));
    expect(info.cluster_state).toBe("ok");
    expect(info.cluster_slots_ok).toBe("16384");
    const nodes = await nodesSeenBy(0);
    const masters = nodes.filter((n) => n.role === "master");
    expect(masters).toHaveLength(3);
    for (const m of masters) expect(nodes.filter((n) => n.master === m.id)).toHaveLength(1);
  }, 120_000);

  it("announces hostnames, and keeps nodes.conf on the volume", async () => {
    const nodes = await nodesSeenBy(0);
    expect(nodes.map((n) => n.host).sort()).toEqual(all(NODES).map(podHost).sort());
    expect(await pods.cliPod(0, "cluster", "slots")).toContain(podHost(0));
    for (const i of all(NODES)) expect(existsSync(join(pods.root, `pod-${i}`, "claims", "data", "nodes.conf"))).toBe(true);
  });

  it("promotes the replica of a killed master, and keeps every key written with WAIT 1", async () => {
    await writeKeys();
    const nodes = await nodesSeenBy(0);
    const victim = nodes.find((n) => n.role === "master" && !n.myself)!;
    const victimIndex = all(NODES).find((i) => podHost(i) === victim.host)!;
    const replica = nodes.find((n) => n.master === victim.id)!;
    const survivors = all(NODES).filter((i) => i !== victimIndex);

    const start = Date.now();
    await pods.kill(victimIndex);
    await waitFor("the replica to be promoted", async () => ((await nodesSeenBy(0)).find((n) => n.id === replica.id)?.role === "master" ? true : undefined), 60_000);
    await waitFor("cluster_state:ok on the survivors", async () => {
      for (const i of survivors) if (fields(await pods.cliPod(i, "cluster", "info")).cluster_state !== "ok") return undefined;
      return true;
    }, 60_000);
    console.log(`redis cluster: failed over in ${seconds(start)} s after a master was killed`);

    expect(await readKeys(survivors[0]!)).toEqual(expectedValues);

    pods.start(victimIndex);
    await waitFor("the killed node to rejoin as a replica", async () => {
      const self = (await nodesSeenBy(victimIndex)).find((n) => n.myself);
      return self?.role === "slave" && self.master === replica.id ? true : undefined;
    }, 60_000);
    await waitFor("a healthy cluster", () => healthy(all(NODES), NODES), 60_000);
  }, 180_000);

  it("a second run of the creation Job changes nothing", async () => {
    const picture = async () => (await nodesSeenBy(0)).map((n) => ({ ...n, myself: undefined })).sort((a, b) => a.id.localeCompare(b.id));
    const before = await picture();
    const epoch = fields(await pods.cliPod(0, "cluster", "info")).cluster_current_epoch;
    const output = await pods.runJob();
    expect(output).toContain("nothing to do");
    expect(await picture()).toEqual(before);
    expect(fields(await pods.cliPod(0, "cluster", "info")).cluster_current_epoch).toBe(epoch);
  }, 60_000);

  it("hands a master's slots to its replica in the preStop hook, before the pod stops", async () => {
    const nodes = await nodesSeenBy(0);
    const master = nodes.find((n) => n.role === "master")!;
    const masterIndex = all(NODES).find((i) => podHost(i) === master.host)!;
    const replica = nodes.find((n) => n.master === master.id)!;
    const preStop = pods.spec.containers.find((c) => c.name === "redis")?.lifecycle?.preStop?.exec?.command ?? [];
    expect(await pods.exec(masterIndex, "redis", preStop)).toBe(0);
    const after = await nodesSeenBy(masterIndex);
    expect(after.find((n) => n.id === replica.id)?.role).toBe("master");
    expect(after.find((n) => n.id === master.id)?.role).toBe("slave");
    expect(await readKeys(masterIndex)).toEqual(expectedValues);
    // On a replica (as the old master is now) the hook does nothing.
    expect(await pods.exec(masterIndex, "redis", preStop)).toBe(0);
    await waitFor("a healthy cluster", () => healthy(all(NODES), NODES), 60_000);
  }, 90_000);

  it("heals when every pod comes back on a new address, data intact", async () => {
    await pods.stopAll();
    await pods.readdress();
    const start = Date.now();
    for (const i of all(NODES)) pods.start(i);
    await waitFor("a healthy cluster on the new addresses", () => healthy(all(NODES), NODES), 90_000);
    console.log(`redis cluster: healed in ${seconds(start)} s after all ${NODES} pods moved to new addresses`);
    expect(await readKeys(0)).toEqual(expectedValues);
  }, 180_000);

  it(`grows to ${GROWN} nodes: the new nodes join, and the new master gets slots`, async () => {
    pods.useRender(redisRender(await renderPhase("phase3", { values: { redis: { cluster: { nodes: GROWN } } } })));
    const start = Date.now();
    for (const i of all(GROWN).slice(NODES)) pods.start(i);
    await pods.runJob();
    await waitFor("a healthy grown cluster", () => healthy(all(GROWN), GROWN), 120_000);
    console.log(`redis cluster: grew from ${NODES} to ${GROWN} nodes in ${seconds(start)} s`);

    const nodes = await nodesSeenBy(0);
    const masters = nodes.filter((n) => n.role === "master");
    expect(masters).toHaveLength(GROWN / 2);
    for (const m of masters) {
      expect(m.slots.length, `${m.host} serves slots`).toBeGreaterThan(0);
      expect(nodes.filter((n) => n.master === m.id)).toHaveLength(1);
    }
    expect(fields(await pods.cliPod(0, "cluster", "info")).cluster_slots_ok).toBe("16384");
    expect(await readKeys(0)).toEqual(expectedValues);
  }, 240_000);
});

describe("the cluster-creation Job on nodes left half-formed", () => {
  let half: RedisPods;

  beforeAll(async () => {
    requireRedis();
    half = await RedisPods.create(redisRender(await renderPhase("phase3", { values: { redis: { cluster: { nodes: 3, replicasPerMaster: 0 } } } })), [6379, 16379]);
  });

  afterAll(async () => {
    await half?.cleanup();
  });

  it("stops and says so instead of guessing", async () => {
    for (const i of all(3)) half.start(i);
    await waitFor("the nodes", async () => ((await half.cliPod(2, "ping")) === "PONG\n" ? true : undefined));
    // A creation cut short: two nodes got slots but never met.
    await half.cliPod(0, "cluster", "addslotsrange", "0", "99");
    await half.cliPod(1, "cluster", "addslotsrange", "100", "199");
    const { exitCode, output } = await half.runJobToEnd();
    expect(exitCode).not.toBe(0);
    expect(output).toContain("a creation was cut short");
    expect(Number(fields(await half.cliPod(0, "cluster", "info")).cluster_known_nodes)).toBe(1);
  }, 60_000);
});
