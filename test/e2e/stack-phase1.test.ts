// Phase 1, the whole request path on the local cluster: nginx (HTTPS, HTTP/2) → the
// reference API → Redis and Mongo (the FerretDB stand-in), installed with --wait on Helm 4
// and Helm 3, checked with helm test and with real requests.
import { afterAll, describe, expect, it } from "vitest";
import { explainNotReady, helmOnCluster, installStack, nodePort, podsNotReady } from "../../src/cluster/stack.ts";
import { createNamespace, deleteNamespace } from "./support/cluster.ts";
import { request } from "./support/http.ts";

const namespaces: string[] = [];
afterAll(async () => {
  for (const ns of namespaces) await deleteNamespace(ns);
});

describe.each([4, 3] as const)("phase 1 on the local cluster, Helm %i", (major) => {
  it("serves health, sessions and orders through nginx after helm install --wait, and passes helm test", async () => {
    const namespace = await createNamespace(`e2e-phase1-helm${major}`);
    namespaces.push(namespace);
    const started = Date.now();
    const stack = await installStack({ phase: "phase1", namespace, helm: major });
    console.log(`phase 1 installed with Helm ${major} in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(await podsNotReady(namespace), await explainNotReady(namespace)).toEqual([]);
    // Helm 3's --logs fails once the hook-succeeded policy has deleted the pod; Helm 4 keeps them.
    expect(await helmOnCluster(major, ["test", stack.release, "-n", namespace, "--timeout", "3m", ...(major === 4 ? ["--logs"] : [])])).toMatch(/Phase:\s+Succeeded/);

    const frontend = await request(stack.nginxUrl, "GET", "/");
    expect(frontend.status).toBe(200);
    expect(frontend.body).toMatch(/vendata frontend/i);
    const plain = await request(stack.nginxUrl.replace("https:", "http:").replace(/:\d+$/, `:${await nodePort(namespace, stack.release, "http")}`), "GET", "/");
    expect(plain.status).toBe(301);

    const health = await request(stack.nginxUrl, "GET", "/api/health");
    expect(health).toMatchObject({ status: 200, httpVersion: "2" });
    expect(JSON.parse(health.body)).toEqual({ mongo: "ok", redis: "ok" });

    const session = { user: "ana", cart: [1, 2, 3] };
    expect((await request(stack.nginxUrl, "PUT", "/api/sessions/e2e-1", session)).status).toBeLessThan(300);
    const readBack = await request(stack.nginxUrl, "GET", "/api/sessions/e2e-1");
    expect(readBack.status).toBe(200);
    expect(readBack.body).toContain('"ana"');

    for (const total of [10, 20]) expect((await request(stack.nginxUrl, "POST", "/api/orders", { userId: "ana", total })).status).toBe(201);
    const orders = await request(stack.nginxUrl, "GET", "/api/orders?userId=ana");
    expect(orders.status).toBe(200);
    const totals = (JSON.parse(orders.body) as { total: number }[] | { orders: { total: number }[] });
    const list = Array.isArray(totals) ? totals : totals.orders;
    expect(list.map((o) => o.total)).toEqual([20, 10]); // newest first
  });
});
