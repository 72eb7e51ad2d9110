// One release taken through the phases on the local cluster with Helm 4: phase 1 → 2 → 3
// with the data written before each upgrade read back after it, rollouts and pod losses
// under a steady load, the HPA under load, then helm rollback and helm uninstall.
// The steps share the release, so they run in order; each prints its timing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainNotReady, helmOnCluster, installStack, podsNotReady, type Stack, type StackPhase, untilNginxServesTheApi } from "../../src/cluster/stack.ts";
import { waitFor } from "../support/process.ts";
import { createNamespace, deleteNamespace, getJson, kubectl } from "./support/cluster.ts";
import { failures, send, startLoad } from "./support/load.ts";

const RELEASE = "vendata";
let namespace = "";
let stack: Stack;
const written: { sessions: string[]; orders: number[] } = { sessions: [], orders: [] };

beforeAll(async () => {
  namespace = await createNamespace("e2e-upgrades");
});
afterAll(async () => {
  if (namespace) await deleteNamespace(namespace);
});

const timed = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  const result = await step();
  console.log(`${what}: ${Math.round((Date.now() - started) / 1000)} s`);
  return result;
};

async function secretData(): Promise<Record<string, string>> {
  return (await getJson<{ data: Record<string, string> }>(["secret", `${RELEASE}-secrets`], namespace)).data;
}

async function expectAllReady(): Promise<void> {
  expect(await podsNotReady(namespace), await explainNotReady(namespace)).toEqual([]);
}

/** Phase 2's Redis: three pods, each with a sentinel beside redis-server. */
async function expectSentinelRedis(): Promise<void> {
  const redis = await getJson<{ spec: { replicas: number; template: { spec: { containers: { name: string }[] } } } }>(["statefulset", `${RELEASE}-redis`], namespace);
  expect(redis.spec.replicas).toBe(3);
  expect(redis.spec.template.spec.containers.map((c) => c.name)).toContain("sentinel");
}

async function helmTest(): Promise<void> {
  expect(await helmOnCluster(4, ["test", RELEASE, "-n", namespace, "--timeout", "3m", "--logs"])).toMatch(/Phase:\s+Succeeded/);
}

/** Writes a session and an order named after the phase, and remembers them. */
async function writeData(phase: StackPhase): Promise<void> {
  const id = `before-${phase}-upgrade`;
  expect((await send(stack.nginxUrl, "PUT", `/api/sessions/${id}`, { phase })).status).toBeLessThan(300);
  const total = written.orders.length + 1;
  expect((await send(stack.nginxUrl, "POST", "/api/orders", { userId: "upgrades", total })).status).toBe(201);
  written.sessions.push(id);
  written.orders.unshift(total);
}

async function readJson(path: string): Promise<{ status: number; body: unknown }> {
  const res = await send(stack.nginxUrl, "GET", path);
  return { status: res.status, body: res.status === 200 ? JSON.parse(res.body) : res.body };
}

async function expectEarlierDataReadable(): Promise<void> {
  for (const id of written.sessions) {
    const session = await readJson(`/api/sessions/${id}`);
    expect(session.status, `session ${id}`).toBe(200);
  }
  const orders = await readJson("/api/orders?userId=upgrades");
  expect(orders.status).toBe(200);
  expect((orders.body as { orders: { total: number }[] }).orders.map((o) => o.total)).toEqual(written.orders);
}

async function upgradeTo(phase: StackPhase): Promise<void> {
  const secretBefore = await secretData();
  stack = await timed(`helm upgrade --wait to ${phase}`, () => installStack({ phase, namespace, release: RELEASE }));
  await expectAllReady();
  await timed(`helm test in ${phase}`, helmTest);
  expect(await secretData()).toEqual(secretBefore);
  await expectEarlierDataReadable();
}

/** A mix of reads and writes of sessions, what the stack serves most. */
const sessionTraffic = (worker: number, n: number) =>
  n % 3 === 0 ? { method: "PUT", path: `/api/sessions/load-${worker}`, body: { n } } : { method: "GET", path: `/api/sessions/load-${worker}` };

describe("phases 1 → 2 → 3 of one release on the local cluster, Helm 4", () => {
  it("installs phase 1 and keeps a session and an order", async () => {
    stack = await timed("helm install --wait phase1", () => installStack({ phase: "phase1", namespace, release: RELEASE }));
    await expectAllReady();
    await writeData("phase1");
    await expectEarlierDataReadable();
  });

  it("upgrades to phase 2: every pod Ready, helm test passes, the Secret unchanged, phase 1's data readable", async () => {
    await upgradeTo("phase2");
    await expectSentinelRedis();
    await writeData("phase2");
  }, 900_000);

  it("restarts the API under a steady load without failing a request", async () => {
    const load = startLoad(stack.nginxUrl, 4, sessionTraffic);
    await timed("rollout restart of the API under load", async () => {
      await kubectl(["rollout", "restart", `deployment/${RELEASE}-api`], { namespace });
      await kubectl(["rollout", "status", `deployment/${RELEASE}-api`, "--timeout", "5m"], { namespace });
    });
    const outcomes = await load.stop();
    expect(outcomes.length).toBeGreaterThan(50);
    expect(failures(outcomes)).toEqual([]);
  });

  it("loses no request when an nginx pod is deleted under load (new connections go to the others)", async () => {
    const pods = await getJson<{ items: { metadata: { name: string } }[] }>(["pods", "-l", "app.kubernetes.io/name=nginx"], namespace);
    const victim = pods.items[0]?.metadata.name ?? "";
    const load = startLoad(stack.nginxUrl, 4, sessionTraffic);
    await timed(`deleting nginx pod ${victim} under load`, async () => {
      await kubectl(["delete", "pod", victim, "--wait=true"], { namespace });
      await kubectl(["rollout", "status", `deployment/${RELEASE}-nginx`, "--timeout", "3m"], { namespace });
    });
    const outcomes = await load.stop();
    expect(outcomes.length).toBeGreaterThan(20);
    expect(failures(outcomes)).toEqual([]);
  });

  it("upgrades to phase 3: Redis moves from sentinel to a 6-node cluster with the data, every pod Ready", async () => {
    await upgradeTo("phase3");
    const info = await redisCli(`${RELEASE}-redis-0`, "cluster info");
    expect(info).toMatch(/cluster_state:ok/);
    expect(info).toMatch(/cluster_known_nodes:6/);
    await writeData("phase3");
  }, 900_000);

  it("resumes writes within 2 × cluster-node-timeout when a Redis master pod is deleted, and loses no acknowledged session", async () => {
    const nodeTimeoutMs = 5000; // redis.cluster.nodeTimeout, the chart's default
    const master = (await redisCli(`${RELEASE}-redis-0`, "cluster nodes"))
      .split("\n")
      .map((line) => line.split(" "))
      .find((fields) => /master/.test(fields[2] ?? "") && !/fail/.test(fields[2] ?? ""));
    const victim = (master?.[1] ?? "").split(",")[1]?.split(".")[0] ?? "";
    expect(victim).toMatch(new RegExp(`^${RELEASE}-redis-\\d$`));

    const acknowledged: string[] = [];
    let gapMs = 0;
    let lastOk = Date.now();
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const id = `failover-${n}`;
        const outcome = await send(stack.nginxUrl, "PUT", `/api/sessions/${id}`, { n });
        if (outcome.status > 0 && outcome.status < 300) {
          gapMs = Math.max(gapMs, outcome.at - lastOk);
          lastOk = outcome.at;
          acknowledged.push(id);
        } else await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await new Promise((r) => setTimeout(r, 2000));
    await timed(`deleting Redis master ${victim} under writes`, () => kubectl(["delete", "pod", victim, "--wait=true"], { namespace }).then(() => undefined));
    await waitFor("the writes to resume", async () => (Date.now() - lastOk < 1000 ? true : undefined), 4 * nodeTimeoutMs);
    await new Promise((r) => setTimeout(r, 2000));
    writing = false;
    await writer;
    console.log(`redis master deleted: longest pause between acknowledged writes ${gapMs} ms (node timeout ${nodeTimeoutMs} ms)`);
    expect(gapMs).toBeLessThanOrEqual(2 * nodeTimeoutMs);
    const lost: string[] = [];
    for (const id of acknowledged) if ((await readJson(`/api/sessions/${id}`)).status !== 200) lost.push(id);
    expect(lost).toEqual([]);
    await waitFor("the deleted pod back and Ready", async () => ((await podsNotReady(namespace)).length === 0 ? true : undefined), 180_000);
  });

  it("scales the API out under load from its minimum (the HPA, on metrics-server)", async () => {
    interface Hpa { spec: { minReplicas: number }; status: { desiredReplicas?: number; currentMetrics?: { resource?: { name: string; current: { averageUtilization?: number } } }[] } }
    const hpa = () => getJson<Hpa>(["hpa", `${RELEASE}-api`], namespace);
    const cpu = (h: Hpa) => h.status.currentMetrics?.find((m) => m.resource?.name === "cpu")?.resource?.current.averageUtilization;
    // The upgrade's start-up work scales it out too: first it must come back to its minimum
    // (the local cluster's scale-down window is 30 s), so only the load can take it higher.
    const idle = await timed("the HPA back at its minimum without load", () =>
      waitFor("the HPA to want its minimum replicas", async () => {
        const h = await hpa();
        return h.status.desiredReplicas === h.spec.minReplicas && cpu(h) !== undefined ? h : undefined;
      }, 300_000),
    );
    const load = startLoad(stack.nginxUrl, 8, (worker, n) => (n % 2 ? { method: "GET", path: "/api/orders?userId=upgrades" } : sessionTraffic(worker, n)));
    try {
      const desired = await timed("the HPA scaling out under load", () =>
        waitFor("the HPA to want more than its minimum", async () => {
          const replicas = (await hpa()).status.desiredReplicas ?? 0;
          return replicas > idle.spec.minReplicas ? replicas : undefined;
        }, 240_000),
      );
      console.log(`HPA: ${desired} replicas wanted under load (minimum ${idle.spec.minReplicas}, at ${cpu(idle)} % CPU before the load)`);
    } finally {
      await load.stop();
    }
  });

  it("helm rollback to the phase-2 revision brings phase 2 back", async () => {
    const history = JSON.parse(await helmOnCluster(4, ["history", RELEASE, "-n", namespace, "-o", "json"])) as { revision: number; status: string }[];
    const previous = history.map((h) => h.revision).sort((a, b) => b - a)[1] ?? 0;
    await timed(`helm rollback to revision ${previous}`, () => helmOnCluster(4, ["rollback", RELEASE, String(previous), "-n", namespace, "--wait", "--wait-for-jobs", "--timeout", "10m"]));
    await expectAllReady();
    await timed("nginx serving the API after the rollback", () => untilNginxServesTheApi(stack.nginxUrl));
    await expectSentinelRedis();
    expect(await getJson<{ items: unknown[] }>(["hpa"], namespace)).toMatchObject({ items: [] });
    expect((await readJson("/api/health")).status).toBe(200);
    const orders = await readJson("/api/orders?userId=upgrades");
    expect((orders.body as { orders: { total: number }[] }).orders.map((o) => o.total)).toEqual(written.orders);
    let kept = 0;
    for (const id of written.sessions) if ((await readJson(`/api/sessions/${id}`)).status === 200) kept++;
    console.log(`rollback from cluster to sentinel: ${kept} of ${written.sessions.length} sessions kept (README: Redis is a cache across this rollback)`);
    const write = await send(stack.nginxUrl, "PUT", "/api/sessions/after-rollback", { ok: true });
    expect(write.status, write.error ?? write.body).toBeLessThan(300);
  }, 900_000);

  it("helm uninstall keeps the volumes and the generated Secret", async () => {
    const claims = async () => (await getJson<{ items: { metadata: { name: string } }[] }>(["pvc"], namespace)).items.map((c) => c.metadata.name).sort();
    const before = await claims();
    expect(before.length).toBeGreaterThan(0);
    const secret = await secretData();
    await timed("helm uninstall", () => helmOnCluster(4, ["uninstall", RELEASE, "-n", namespace, "--wait"]));
    expect(await claims()).toEqual(before);
    expect(await secretData()).toEqual(secret);
    const left = await getJson<{ items: { metadata: { name: string } }[] }>(["deployments,statefulsets"], namespace);
    expect(left.items.map((i) => i.metadata.name).filter((n) => n.startsWith(RELEASE))).toEqual([]);
  });
});

async function redisCli(pod: string, command: string): Promise<string> {
  const result = await kubectl(["exec", pod, "-c", "redis", "--", "sh", "-c", `redis-cli --no-auth-warning -a "$REDIS_PASSWORD" ${command}`], { namespace });
  return result.stdout;
}
