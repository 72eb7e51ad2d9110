// The request path through a real nginx (Debian's 1.22, so the chart's legacy mode) running
// the phase-3 nginx.conf the chart renders, in front of two API stand-ins and a frontend,
// with a DNS server standing in for kube-dns. Everything listens on loopback addresses.
import { connect as http2Connect } from "node:http2";
import { request as httpsRequest } from "node:https";
import { connect as netConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServer } from "../support/dns.ts";
import { Client, paced, type Reply } from "../support/http-client.ts";
import { createNginxSandbox, type NginxSandbox } from "../support/nginx.ts";
import { freePort, freePortOnAll, loopbackAddresses, type RunningProcess } from "../support/process.ts";
import { startUpstream, type Upstream } from "../support/upstreams.ts";
import { KUBE_DNS, renderNginxConf } from "./nginx-conf.ts";

const HOST = "vendata.com.br";
const API_PODS = "vendata-api-headless.vendata.svc.cluster.local";
const FRONTEND = "vendata-frontend.vendata.svc.cluster.local";
// Phase 3's limits on /api/ (the chart's defaults, the seed's numbers).
const API_RATE = 50;
const API_BURST = 20;

const [apiA = "", apiB = "", frontendHost = "", cdnEdge = "", client = "", spoofer = ""] = loopbackAddresses(6);
let ports: { http: number; https: number; status: number };
let dns: DnsServer;
let upstreams: Upstream[] = [];
let sandbox: NginxSandbox;
let nginx: RunningProcess;

/** A client connecting from `from` over HTTPS (HTTP with scheme "http"). */
const clientFrom = (from: string, scheme: "http" | "https" = "https", maxSockets = 16) =>
  new Client({ scheme, port: scheme === "https" ? ports.https : ports.http, localAddress: from, host: HOST, ca: sandbox.certificate, maxSockets });

const echoed = (reply: Reply) => JSON.parse(reply.body) as { name: string; url: string; bodyBytes: number; headers: Record<string, string> };

function countStatuses(results: readonly (Reply | string)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = typeof r === "string" ? r : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

beforeAll(async () => {
  const apiPort = await freePortOnAll([apiA, apiB]);
  const frontendPort = await freePort(frontendHost);
  const [http = 0, https = 0, status = 0] = await distinctFreePorts(3);
  ports = { http, https, status };
  dns = await startDnsServer({ [API_PODS]: [apiA, apiB], [FRONTEND]: [frontendHost] });
  upstreams = await Promise.all([
    // A few milliseconds per answer keeps requests in flight when a pod is killed.
    startUpstream("api-a", apiA, apiPort, 5),
    startUpstream("api-b", apiB, apiPort, 5),
    startUpstream("frontend", frontendHost, frontendPort),
  ]);
  const nginxConf = await renderNginxConf("phase3", {
    compatibility: "legacy",
    listenAddress: "127.0.0.1",
    containerPorts: ports,
    resolver: { address: `${KUBE_DNS}:${dns.port}` },
    api: { port: apiPort },
    frontend: { port: frontendPort },
    // The test's CDN edge is one loopback address; every other source is a direct client.
    cdn: { trustedRanges: [`${cdnEdge}/32`] },
  });
  sandbox = createNginxSandbox({ nginxConf, hosts: { [KUBE_DNS]: "127.0.0.1" }, certificateNames: [HOST] });
  const started = Date.now();
  nginx = await sandbox.start([ports.http, ports.https, ports.status]);
  console.log(`nginx (pid ${nginx.pid}) listening after ${Date.now() - started} ms`);
});

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(upstreams.map((u) => u.stop()));
  await dns?.stop();
  sandbox?.remove();
});

async function distinctFreePorts(count: number): Promise<number[]> {
  const found = new Set<number>();
  while (found.size < count) found.add(await freePort());
  return [...found];
}

describe("nginx routes each path to its backend", () => {
  it("sends /api/ to the API's pods, every pod behind the headless name taking a share", async () => {
    const c = clientFrom(client);
    // One after the other: nginx's resolver hands out the cached records in a random rotation.
    const replies: Reply[] = [];
    for (let i = 0; i < 16; i++) replies.push(await c.get(`/api/items/${i}`));
    c.close();
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    expect(echoed(replies[0]!).url).toBe("/api/items/0");
    expect(new Set(replies.map((r) => r.headers["x-upstream"]))).toEqual(new Set(["api-a", "api-b"]));
  });

  it("sends / and static assets to the frontend, and an /api/ path ending in .js to the API", async () => {
    const c = clientFrom(client);
    const [page, asset, apiJs] = await Promise.all([c.get("/"), c.get("/assets/app.3f2a.js"), c.get("/api/export.js")]);
    c.close();
    expect(page.headers["x-upstream"]).toBe("frontend");
    expect(asset.headers["x-upstream"]).toBe("frontend");
    expect(apiJs.headers["x-upstream"]).toMatch(/^api-/);
  });

  it("caches static assets for a year and adds no Cache-Control to /api/", async () => {
    const c = clientFrom(client);
    const [asset, api] = await Promise.all([c.get("/assets/app.3f2a.js"), c.get("/api/items")]);
    c.close();
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(api.headers["cache-control"]).toBeUndefined();
  });

  it("redirects HTTP to HTTPS but answers the health endpoint on HTTP", async () => {
    const c = clientFrom(client, "http");
    const [redirect, health] = await Promise.all([c.get("/api/items?page=2"), c.get("/healthz")]);
    c.close();
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`https://${HOST}/api/items?page=2`);
    expect([health.status, health.body]).toEqual([200, "ok\n"]);
  });

  it("speaks HTTP/2 over TLS", async () => {
    const session = http2Connect(`https://${HOST}`, {
      createConnection: () =>
        tlsConnect({ socket: netConnect({ host: "127.0.0.1", port: ports.https, localAddress: client }), servername: HOST, ca: sandbox.certificate, ALPNProtocols: ["h2"] }),
    });
    const status = await new Promise<number>((resolve, reject) => {
      const stream = session.request({ ":path": "/api/h2", ":authority": HOST });
      stream.on("response", (headers) => resolve(Number(headers[":status"])));
      stream.on("error", reject);
      stream.end();
    });
    session.close();
    expect(session.alpnProtocol).toBe("h2");
    expect(status).toBe(200);
  });

  it("serves stub_status on the internal status port", async () => {
    const c = new Client({ scheme: "http", port: ports.status, localAddress: "127.0.0.1", host: "localhost" });
    const reply = await c.get("/stub_status");
    c.close();
    expect(reply.body).toMatch(/^Active connections: \d+/);
  });
});

describe("rate limits key on the real client", () => {
  it("refuses one client beyond rate + burst, while 50 clients behind the CDN at 10 req/s each see no refusal", async () => {
    const direct = clientFrom(client, "https", 64);
    const edge = clientFrom(cdnEdge, "https", 64);
    const cdnClients = loopbackAddresses(50);
    const durationMs = 2_000;
    const started = Date.now();
    const [flood, ...viaCdn] = await Promise.all([
      paced(200, durationMs, (i) => direct.get(`/api/flood/${i}`)),
      ...cdnClients.map((address) => paced(10, durationMs, (i) => edge.get(`/api/browse/${i}`, { "CF-Connecting-IP": address }))),
    ]);
    const elapsedSeconds = (Date.now() - started) / 1000;
    direct.close();
    edge.close();

    const floodCounts = countStatuses(flood);
    const cdnCounts = countStatuses(viaCdn.flat());
    const allowed = API_BURST + 1 + Math.ceil(API_RATE * elapsedSeconds);
    console.log(`in ${elapsedSeconds.toFixed(2)} s: one client at 200 req/s got ${JSON.stringify(floodCounts)} (at most ${allowed} may pass); 50 CDN clients at 10 req/s got ${JSON.stringify(cdnCounts)}`);

    expect(cdnCounts).toEqual({ "200": 50 * 20 });
    expect(floodCounts["429"] ?? 0).toBeGreaterThan(0);
    expect(floodCounts["200"] ?? 0).toBeGreaterThanOrEqual(API_BURST);
    expect(floodCounts["200"] ?? 0).toBeLessThanOrEqual(allowed);
    expect((floodCounts["200"] ?? 0) + (floodCounts["429"] ?? 0)).toBe(flood.length);
  });

  it("takes the client address from the CDN's header when the CDN's edge connects", async () => {
    const edge = clientFrom(cdnEdge);
    const seen = echoed(await edge.get("/api/whoami", { "CF-Connecting-IP": "127.99.0.7" })).headers;
    edge.close();
    expect([seen["x-real-ip"], seen["x-forwarded-for"]]).toEqual(["127.99.0.7", "127.99.0.7"]);
  });

  it("ignores CF-Connecting-IP and X-Forwarded-For from a client outside the CDN's ranges", async () => {
    const c = clientFrom(spoofer, "https", 64);
    const spoofed = (i: number) => ({ "CF-Connecting-IP": `127.98.0.${(i % 250) + 1}`, "X-Forwarded-For": `127.97.0.${(i % 250) + 1}` });
    const seen = echoed(await c.get("/api/whoami", spoofed(0))).headers;
    // Each request claims another address: if nginx believed any of them, none would be limited.
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => c.get(`/api/spoof/${i}`, spoofed(i + 1))));
    c.close();
    const counts = countStatuses(burst);
    console.log(`a spoofing client sending 100 requests at once got ${JSON.stringify(counts)}`);
    expect([seen["x-real-ip"], seen["x-forwarded-for"]]).toEqual([spoofer, spoofer]);
    expect(counts["429"] ?? 0).toBeGreaterThan(0);
  });
});

describe("nginx survives an API pod's death", () => {
  it("fails no GET when one API upstream is killed during load", async () => {
    const [victim, survivor] = upstreams as [Upstream, Upstream, Upstream];
    const edge = clientFrom(cdnEdge, "https", 64);
    const clients = Array.from({ length: 20 }, (_, i) => `127.96.0.${i + 1}`);
    // One second into three seconds of load, SIGKILL one API pod.
    const killed = new Promise<number>((resolve) => setTimeout(() => void victim.kill().then(() => resolve(Date.now())), 1_000));
    const results = await Promise.all(clients.map((address) => paced(20, 3_000, (i) => edge.get(`/api/load/${i}`, { "CF-Connecting-IP": address }).then((r) => ({ reply: r, at: Date.now() })))));
    const killedAt = await killed;
    edge.close();

    const flat = results.flat();
    const failures = flat.filter((r) => typeof r === "string" || r.reply.status !== 200);
    const servedBy = (pick: (at: number) => boolean) => {
      const counts: Record<string, number> = {};
      for (const r of flat) {
        if (typeof r === "string" || !pick(r.at)) continue;
        const name = String(r.reply.headers["x-upstream"]);
        counts[name] = (counts[name] ?? 0) + 1;
      }
      return counts;
    };
    const retried = sandbox.log().split("\n").filter((line) => /upstream_status=\d{3}, 200/.test(line)).length;
    console.log(`${flat.length} GETs, ${failures.length} failed; before the kill ${JSON.stringify(servedBy((at) => at < killedAt))}, after ${JSON.stringify(servedBy((at) => at > killedAt + 100))}; ${retried} answered by a retry`);

    expect(failures).toEqual([]);
    expect(Object.keys(servedBy((at) => at < killedAt)).sort()).toEqual([survivor.name, victim.name].sort());
    expect(Object.keys(servedBy((at) => at > killedAt + 100))).toEqual([survivor.name]);
  });
});

describe("nginx limits request bodies", () => {
  it("answers 413 to a body over client_max_body_size (100m) and passes one under it", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest({
        host: "127.0.0.1",
        port: ports.https,
        method: "POST",
        path: "/api/upload",
        localAddress: client,
        servername: HOST,
        ca: sandbox.certificate,
        headers: { host: HOST, "content-type": "application/octet-stream", "content-length": String(100 * 1024 * 1024 + 1) },
      });
      // nginx judges the declared length: it answers before the body is sent.
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.write(Buffer.alloc(1024));
    });
    const c = clientFrom(client);
    const small = await c.request("POST", "/api/upload", { body: Buffer.alloc(1024 * 1024), headers: { "content-type": "application/octet-stream" } });
    c.close();
    expect(status).toBe(413);
    expect([small.status, echoed(small).bodyBytes]).toEqual([200, 1024 * 1024]);
  });
});
