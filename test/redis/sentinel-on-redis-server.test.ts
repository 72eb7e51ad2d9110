// Phase 2's Sentinel setup on real redis-server processes: three local pods, each with
// the rendered redis and sentinel containers (see local-redis.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../support/process.ts";
import { renderPhase } from "../render.ts";
import { fields, pairs, podHost, redisRender, requireRedis, RedisPods } from "./local-redis.ts";

const PODS = [0, 1, 2];
const MASTER_NAME = "vendata";
const SENTINEL_PORT = "26379";
const KEYS = Array.from({ length: 100 }, (_, i) => `session:${i}`);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

let pods: RedisPods;
/** The pod whose master is killed (the master after the preStop handover). */
let lost = -1;

async function sentinel(i: number, ...args: string[]): Promise<string> {
  return pods.cli(["-h", podHost(i), "-p", SENTINEL_PORT, "sentinel", ...args]);
}

/**
 * What a sentinel-aware client does: ask the sentinels in turn for the master, connect
 * to it, and check it really is the master. Returns its host, or undefined.
 */
async function masterFromSentinels(): Promise<string | undefined> {
  for (const i of PODS) {
    try {
      const [host, port] = (await sentinel(i, "get-master-addr-by-name", MASTER_NAME)).trim().split("\n");
      if (!host || !port) continue;
      const role = (await pods.cli(["-h", host, "-p", port, "role"])).split("\n")[0];
      if (role === "master") return host;
    } catch {
      // This sentinel is down: ask the next one.
    }
  }
  return undefined;
}

async function replication(i: number): Promise<Record<string, string>> {
  return fields(await pods.cliPod(i, "info", "replication"));
}

describe("redis sentinel on real redis-server processes", () => {
  beforeAll(async () => {
    requireRedis();
    pods = await RedisPods.create(redisRender(await renderPhase("phase2")), [6379, 26379]);
  });

  afterAll(async () => {
    await pods?.cleanup();
  });

  it("starts pod 0 as master with 2 replicas, watched by 3 sentinels announcing hostnames", async () => {
    const start = Date.now();
    for (const i of PODS) pods.start(i);
    await waitFor("2 replicas in sync", async () => (Number((await replication(0)).connected_slaves) === 2 ? true : undefined), 60_000);
    await waitFor("3 sentinels that see each other and both replicas", async () => {
      for (const i of PODS) {
        const master = pairs(await sentinel(i, "master", MASTER_NAME));
        if (master["num-other-sentinels"] !== "2" || master["num-slaves"] !== "2") return undefined;
      }
      return true;
    }, 60_000);
    console.log(`redis sentinel: master, 2 replicas and 3 sentinels ready in ${seconds(start)} s`);
    expect(await masterFromSentinels()).toBe(podHost(0));
    const sentinelContainer = pods.spec.containers.find((c) => c.name === "sentinel");
    for (const probe of [sentinelContainer?.livenessProbe, sentinelContainer?.readinessProbe]) expect(await pods.exec(1, "sentinel", probe?.exec?.command ?? [])).toBe(0);
    const announced = (await sentinel(1, "sentinels", MASTER_NAME)).split("\n");
    expect(announced).toContain(podHost(0));
    expect(announced).toContain(podHost(2));
  }, 120_000);

  it("hands the master role to a replica in the preStop hook, before the pod stops", async () => {
    const preStop = pods.spec.containers.find((c) => c.name === "redis")?.lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop.join(" ")).toContain("sentinel-handover.sh");
    const start = Date.now();
    expect(await pods.exec(0, "redis", preStop)).toBe(0);
    console.log(`redis sentinel: the preStop hook handed the master role over in ${seconds(start)} s`);
    // The hook returns once the sentinels name the new master, which is a master already.
    const master = await masterFromSentinels();
    expect(master).toBeDefined();
    expect(master).not.toBe(podHost(0));
    await waitFor("pod 0 to replicate the new master", async () => {
      const r = await replication(0);
      return r.role === "slave" && r.master_host === master ? true : undefined;
    }, 30_000);
    // The sentinels move both replicas over to the new master within seconds; each then
    // resyncs, and acknowledges writes (WAIT) only once it is online.
    const newMaster = PODS.find((i) => podHost(i) === master)!;
    await waitFor("both replicas online with the new master", async () => {
      const r = await replication(newMaster);
      return [r.slave0, r.slave1].every((replica) => replica?.includes("state=online")) ? true : undefined;
    }, 60_000);
    // On a replica (as pod 0 is now) the hook does nothing.
    expect(await pods.exec(0, "redis", preStop)).toBe(0);
    expect((await replication(0)).role).toBe("slave");
  }, 60_000);

  it("fails over when the master's pod is lost, and a client asking the sentinels finds the new master with the data", async () => {
    const old = await masterFromSentinels();
    lost = PODS.find((i) => podHost(i) === old) ?? -1;
    expect(lost, `master ${old} is one of the pods`).toBeGreaterThanOrEqual(0);
    const writes = KEYS.map((k) => `SET ${k} value-of-${k}\nWAIT 2 5000\n`).join("");
    const replies = (await pods.cli(["-h", podHost(lost), "-p", "6379"], writes)).trim().split("\n");
    replies.forEach((reply, n) => expect(reply, `reply ${n}`).toBe(n % 2 === 0 ? "OK" : "2"));

    const start = Date.now();
    await pods.kill(lost);
    const master = await waitFor("a new master from the sentinels", async () => {
      const host = await masterFromSentinels();
      return host && host !== podHost(lost) ? host : undefined;
    }, 60_000);
    console.log(`redis sentinel: failed over in ${seconds(start)} s after the master's pod was lost`);

    const values = (await pods.cli(["-h", master, "-p", "6379"], KEYS.map((k) => `GET ${k}\n`).join(""))).trim().split("\n");
    expect(values).toEqual(KEYS.map((k) => `value-of-${k}`));
  }, 120_000);

  it("brings the lost pod back as a replica of the new master", async () => {
    const master = await masterFromSentinels();
    pods.start(lost);
    await waitFor("the lost pod to replicate the new master", async () => {
      const r = await replication(lost);
      return r.role === "slave" && r.master_host === master && r.master_link_status === "up" ? true : undefined;
    }, 60_000);
    expect(await pods.cliPod(lost, "get", KEYS[0]!)).toBe(`value-of-${KEYS[0]}\n`);
  }, 120_000);
});
