// Phase 1's standalone Redis on a real redis-server process, with its exporter sidecar
// (Debian's build of redis_exporter), as one local pod (see local-redis.ts).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubernetesObject } from "../../src/render/kinds.ts";
import { Rendered } from "../../src/render/render.ts";
import { requireTool, waitFor } from "../support/process.ts";
import { renderPhase } from "../render.ts";
import { podHost, redisRender, requireRedis, RedisPods } from "./local-redis.ts";

const KEYS = Array.from({ length: 100 }, (_, i) => `session:${i}`);

let pods: RedisPods;
let annotations: Record<string, string> = {};

const ping = async () => ((await pods.cliPod(0, "ping")) === "PONG\n" ? true : undefined);

describe("standalone redis on a real redis-server process", () => {
  beforeAll(async () => {
    requireRedis();
    const r = await renderPhase("phase1");
    annotations = r.find("StatefulSet", "vendata-redis").spec?.template.metadata?.annotations ?? {};
    pods = await RedisPods.create(redisRender(r), [6379, Number(annotations["prometheus.io/port"])]);
  });

  afterAll(async () => {
    await pods?.cleanup();
  });

  it("keeps what was written across a crash and restart, from the append-only file", async () => {
    pods.start(0);
    await waitFor("redis to answer", ping);
    const replies = await pods.cli(["-h", podHost(0), "-p", "6379"], KEYS.map((k) => `SET ${k} value-of-${k}\n`).join(""));
    expect(replies.trim().split("\n")).toEqual(KEYS.map(() => "OK"));

    // SIGKILL: no shutdown save. The reply came after the write to the append-only file.
    await pods.kill(0);
    pods.start(0);
    await waitFor("redis to answer after the restart", ping);
    expect(pods.output(0)).toContain("DB loaded from append only file");
    expect(existsSync(join(pods.root, "pod-0", "claims", "data", "appendonlydir"))).toBe(true);
    const values = await pods.cli(["-h", podHost(0), "-p", "6379"], KEYS.map((k) => `GET ${k}\n`).join(""));
    expect(values.trim().split("\n")).toEqual(KEYS.map((k) => `value-of-${k}`));
  }, 60_000);

  it("passes its probes while Redis answers, and fails them once it is gone", async () => {
    const redis = (await renderPhase("phase1")).find("StatefulSet", "vendata-redis").spec?.template.spec?.containers.find((c) => c.name === "redis");
    const probes = [redis?.startupProbe, redis?.livenessProbe, redis?.readinessProbe].map((p) => p?.exec?.command ?? []);
    for (const probe of probes) expect(await pods.exec(0, "redis", probe), probe.join(" ")).toBe(0);
    await pods.stop(0, ["redis"]);
    for (const probe of probes) expect(await pods.exec(0, "redis", probe), probe.join(" ")).not.toBe(0);
    pods.start(0, ["redis"]);
    await waitFor("redis to answer again", ping);
  }, 60_000);

  it("serves metrics where the pod's prometheus.io annotations point", async () => {
    requireTool("prometheus-redis-exporter", "apt-get install -y prometheus-redis-exporter");
    expect(annotations["prometheus.io/scrape"]).toBe("true");
    pods.start(0, ["metrics"]);
    const url = `http://${pods.ip(0)}:${annotations["prometheus.io/port"]}${annotations["prometheus.io/path"]}`;
    const metrics = await waitFor("the exporter", async () => (await fetch(url)).text(), 30_000);
    // redis_up 1: the exporter reached Redis with the password from the Secret.
    expect(metrics).toMatch(/^redis_up 1$/m);
    expect(metrics).toMatch(new RegExp(`^redis_db_keys\\{db="db0"\\} ${KEYS.length}$`, "m"));
  }, 60_000);
});

// A Secret of the user's own (global.existingSecret) may hold any password.
describe("standalone redis with a password full of quoting hazards", () => {
  const password = `p@ss "wo\\rd" $HOME 'x'`;
  let odd: RedisPods;

  beforeAll(async () => {
    requireRedis();
    const r = await renderPhase("phase1");
    const theirs = (o: KubernetesObject): KubernetesObject =>
      o.kind === "Secret" && o.metadata.name === "vendata-secrets" ? { ...o, data: { ...(o.data as object), REDIS_PASSWORD: Buffer.from(password).toString("base64") } } : o;
    odd = await RedisPods.create(redisRender(new Rendered(r.manifest, r.objects.map(theirs))), [6379]);
  });

  afterAll(async () => {
    await odd?.cleanup();
  });

  it("requires exactly that password", async () => {
    odd.start(0);
    await waitFor("redis to answer with the password", async () => ((await odd.cliPod(0, "ping")) === "PONG\n" ? true : undefined));
    expect(await odd.cli(["-h", podHost(0), "-p", "6379", "--user", "default", "--pass", "wrong", "ping"])).toMatch(/WRONGPASS|NOAUTH/);
  }, 60_000);
});
