// SIGTERM: the API stops accepting connections at once, lets the request in flight
// finish (its body still arriving), then closes Mongo and Redis and exits 0.
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Api } from "./support/api.ts";
import { startPhase, stopPhase, type PhaseServers } from "./support/phase.ts";
import { redisCli, startStandalone, type RedisSet } from "./support/redis.ts";

let servers: PhaseServers | undefined;
let redis: RedisSet;
let api: Api;
let password: string;

beforeAll(async () => {
  servers = await startPhase("phase1", (pw) => startStandalone(pw));
  ({ redis, api, password } = servers);
});

afterAll(() => stopPhase(servers));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}

describe("SIGTERM drains", () => {
  it("a slow request in flight completes, new connections are refused, the process exits 0", async () => {
    const body = JSON.stringify({ user: "draining", pad: "x".repeat(2_000) });
    const half = Math.floor(body.length / 2);
    const slow = request({ host: "127.0.0.1", port: api.port, method: "PUT", path: "/api/sessions/in-flight", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      slow.once("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      slow.once("error", reject);
    });
    slow.write(body.slice(0, half));
    await sleep(300);

    api.process.child.kill("SIGTERM");
    await expect.poll(() => api.process.output(), { timeout: 5_000 }).toContain('"msg":"draining"');
    // The listening socket is closed: a new connection is refused while the request runs.
    expect(await refused(api.port)).toBe("ECONNREFUSED");
    expect(api.process.child.exitCode).toBeNull();

    await sleep(500);
    slow.end(body.slice(half));
    const response = await answered;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ id: "in-flight", ttl: 3600 });
    // Redis was still open for it: the session is stored.
    expect(JSON.parse(redisCli(redis.addresses[0]!, password, "GET", "session:in-flight"))).toMatchObject({ user: "draining" });

    expect(await api.exited()).toBe(0);
    const output = api.process.output();
    expect(output.indexOf('"msg":"stopped"')).toBeGreaterThan(output.indexOf('"msg":"draining"'));
  });
});
