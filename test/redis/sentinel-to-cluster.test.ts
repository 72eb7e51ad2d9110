// Phase 2 → phase 3 for Redis on real redis-server processes: the sentinel set's pods come
// back as cluster nodes with their data, three new empty pods start, and the rendered
// cluster-creation Job moves the keys into the cluster (see local-redis.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPhase } from "../render.ts";
import { waitFor } from "../support/process.ts";
import { fields, podHost, redisRender, requireRedis, RedisPods } from "./local-redis.ts";

const OLD = [0, 1, 2];
const ALL = [0, 1, 2, 3, 4, 5];
const KEYS = Array.from({ length: 200 }, (_, i) => `session:${i}`);

let pods: RedisPods;

async function clusterRead(input: string): Promise<string[]> {
  const output = await pods.cli(["-c", "-h", podHost(3), "-p", "6379"], input);
  return output.split("\n").filter((line) => line !== "" && !line.startsWith("-> Redirected"));
}

/** Pods for phase 2's sentinel set, with room for phase 3's six cluster nodes. */
async function sentinelSetPods(): Promise<RedisPods> {
  requireRedis();
  return RedisPods.create(redisRender(await renderPhase("phase2")), [6379, 16379, 26379], ALL.length);
}

/** Starts the sentinel set's pods, waits for both replicas, and writes `commands` through the master to all three. */
async function startSentinelSet(set: RedisPods, commands: string): Promise<void> {
  for (const i of OLD) set.start(i);
  await waitFor("2 replicas in sync", async () => (fields(await set.cliPod(0, "info", "replication")).connected_slaves === "2" ? true : undefined), 60_000);
  await set.cli(["-h", podHost(0), "-p", "6379"], `${commands}WAIT 2 5000\n`);
}

describe("moving a sentinel Redis into cluster mode", () => {
  beforeAll(async () => {
    pods = await sentinelSetPods();
  });

  afterAll(async () => {
    await pods?.cleanup();
  });

  it("keeps every key and its expiry when the sentinel set's pods become cluster nodes", async () => {
    await startSentinelSet(pods, KEYS.map((k, n) => (n % 2 === 0 ? `SET ${k} value-of-${k} EX 3600\n` : `SET ${k} value-of-${k}\n`)).join(""));

    // The StatefulSet's rollout: the old pods restart in cluster mode on their volumes, the new ones start empty.
    await pods.stopAll();
    pods.useRender(redisRender(await renderPhase("phase3")));
    for (const i of ALL) pods.start(i);
    const output = await pods.runJob();
    expect(output).toContain(`moved ${KEYS.length} keys into the cluster`);

    await waitFor("6 nodes in one healthy cluster", async () => {
      for (const i of ALL) {
        const info = fields(await pods.cliPod(i, "cluster", "info"));
        if (info.cluster_state !== "ok" || info.cluster_known_nodes !== "6") return undefined;
      }
      return true;
    }, 90_000);
    expect(await clusterRead(KEYS.map((k) => `GET ${k}\n`).join(""))).toEqual(KEYS.map((k) => `value-of-${k}`));
    const ttls = (await clusterRead(KEYS.map((k) => `TTL ${k}\n`).join(""))).map(Number);
    ttls.forEach((ttl, n) => (n % 2 === 0 ? expect(ttl, KEYS[n]).toBeGreaterThan(3000) : expect(ttl, KEYS[n]).toBe(-1)));
    // The old nodes hold only what they replicate now: each is a replica of a new master.
    for (const i of OLD) expect((await pods.cliPod(i, "role")).split("\n")[0]).toBe("slave");

    const again = await pods.runJob();
    expect(again).toContain("nothing to do");
  }, 240_000);
});

describe("the cluster-creation Job during the StatefulSet's rollout", () => {
  let rolling: RedisPods;

  beforeAll(async () => {
    rolling = await sentinelSetPods();
  });

  afterAll(async () => {
    await rolling?.cleanup();
  });

  it("waits until every node runs in cluster mode, then moves the keys", async () => {
    await startSentinelSet(rolling, KEYS.map((k) => `SET ${k} v\n`).join(""));

    // The Job starts with the new pods while the sentinel set's pods still run the
    // previous revision; the rollout then replaces them one by one, highest first.
    rolling.useRender(redisRender(await renderPhase("phase3")));
    for (const i of [3, 4, 5]) rolling.start(i);
    const job = rolling.runJobToEnd();
    for (const i of [2, 1, 0]) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await rolling.stop(i);
      rolling.start(i);
    }
    const { exitCode, output } = await job;
    expect(output).toContain("to answer in cluster mode");
    expect(exitCode, output).toBe(0);
    expect(output).toContain(`moved ${KEYS.length} keys into the cluster`);
  }, 240_000);
});

describe("the cluster-creation Job with data outside the cluster and too few empty nodes", () => {
  let three: RedisPods;

  beforeAll(async () => {
    requireRedis();
    three = await RedisPods.create(redisRender(await renderPhase("phase3", { values: { redis: { cluster: { nodes: 3, replicasPerMaster: 0 } } } })), [6379, 16379]);
  });

  afterAll(async () => {
    await three?.cleanup();
  });

  it("stops before changing anything and points at the runbook", async () => {
    for (const i of [0, 1, 2]) three.start(i);
    await waitFor("the nodes", async () => ((await three.cliPod(2, "ping")) === "PONG\n" ? true : undefined));
    // Keys on a node outside any cluster, as a standalone Redis leaves them (the node claims their slots).
    await three.cliPod(0, "cluster", "addslotsrange", "0", "16383");
    await waitFor("node 0 to serve every slot", async () => (fields(await three.cliPod(0, "cluster", "info")).cluster_state === "ok" ? true : undefined));
    expect(await three.cliPod(0, "set", "session", "kept")).toBe("OK\n");
    const { exitCode, output } = await three.runJobToEnd();
    expect(exitCode).not.toBe(0);
    expect(output).toContain("Nothing was changed");
    expect(output).toContain("Moving to cluster mode");
    expect(await three.cliPod(0, "get", "session")).toBe("kept\n");
    expect(fields(await three.cliPod(0, "cluster", "info")).cluster_known_nodes).toBe("1");
  }, 60_000);
});
