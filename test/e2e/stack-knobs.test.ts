// Issue 12's knobs on running pods: phase 2 installed on a node that only admits pods
// with a node selector and a toleration (the node gets a label and a NoSchedule taint for
// this file), an extra environment variable from a Secret, an Ingress and an extra egress
// rule. --wait succeeds only if every pod of the release is scheduled, so every
// workload's placement is proven by the install itself; then the objects are checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployFerretDb } from "../../src/cluster/ferretdb.ts";
import { ensureNamespace, explainNotReady, helmOnCluster, installStack, podsNotReady, type Stack } from "../../src/cluster/stack.ts";
import { createNamespace, deleteNamespace, getJson, kubectl } from "./support/cluster.ts";
import { request } from "./support/http.ts";

const POOL = { key: "vendata.test/pool", value: "knobs" };
const placement = {
  nodeSelector: { [POOL.key]: POOL.value },
  tolerations: [{ key: POOL.key, operator: "Equal", value: POOL.value, effect: "NoSchedule" }],
};
const EXTRA_EGRESS = { to: [{ ipBlock: { cidr: "203.0.113.0/24" } }], ports: [{ protocol: "TCP", port: 443 }] };
const INGRESS_HOST = "shop.example.test";

let namespace = "";
let node = "";
let stack: Stack;

interface Pod {
  metadata: { name: string; labels?: Record<string, string> };
  spec: { nodeSelector?: Record<string, string>; tolerations?: { key?: string; value?: string; effect?: string }[]; containers: { name: string }[] };
  status: { phase: string };
}

beforeAll(async () => {
  namespace = await createNamespace("e2e-knobs");
  // The stand-in Mongo is the test's, not the chart's: it starts before the node is tainted.
  await ensureNamespace(namespace);
  await deployFerretDb(namespace);
  await kubectl(["create", "secret", "generic", "e2e-extra", "--from-literal=greeting=hello-from-a-secret"], { namespace });
  node = (await kubectl(["get", "nodes", "-o", "jsonpath={.items[0].metadata.name}"])).stdout;
  await kubectl(["label", "node", node, "--overwrite", `${POOL.key}=${POOL.value}`]);
  await kubectl(["taint", "node", node, "--overwrite", `${POOL.key}=${POOL.value}:NoSchedule`]);
}, 300_000);

afterAll(async () => {
  if (node) {
    await kubectl(["taint", "node", node, `${POOL.key}=${POOL.value}:NoSchedule-`], { allowFailure: true });
    await kubectl(["label", "node", node, `${POOL.key}-`], { allowFailure: true });
  }
  if (namespace) await deleteNamespace(namespace);
});

describe("phase 2 with the platform knobs on the local cluster", () => {
  it("schedules every pod on the tainted node pool through nodeSelector and tolerations, and passes helm test", async () => {
    stack = await installStack({
      phase: "phase2",
      namespace,
      values: {
        api: {
          ...placement,
          extraEnvVars: [{ name: "E2E_GREETING", valueFrom: { secretKeyRef: { name: "e2e-extra", key: "greeting" } } }],
          networkPolicy: { extraEgress: [EXTRA_EGRESS] },
        },
        nginx: { ...placement, tls: { redirectHttp: false }, ingress: { enabled: true, hosts: [INGRESS_HOST] } },
        frontend: placement,
        redis: placement,
        monitoring: { prometheus: placement },
        tests: placement,
      },
    });
    expect(await podsNotReady(namespace), await explainNotReady(namespace)).toEqual([]);
    const pods = (await getJson<{ items: Pod[] }>(["pods", "-l", `app.kubernetes.io/instance=${stack.release}`], namespace)).items.filter((p) => p.status.phase === "Running");
    expect(pods.length).toBeGreaterThan(5);
    for (const pod of pods) {
      expect(pod.spec.nodeSelector, pod.metadata.name).toMatchObject(placement.nodeSelector);
      expect(pod.spec.tolerations, pod.metadata.name).toEqual(expect.arrayContaining([expect.objectContaining(placement.tolerations[0])]));
    }
    expect(await helmOnCluster(4, ["test", stack.release, "-n", namespace, "--timeout", "3m", "--logs"])).toMatch(/Phase:\s+Succeeded/);
  }, 900_000);

  it("a pod without the toleration stays Pending on that pool (the taint is real)", async () => {
    await kubectl(["run", "untolerated", "--image=vendata.local/shell:1", "--restart=Never", "--overrides", JSON.stringify({ spec: { securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } }, containers: [{ name: "untolerated", image: "vendata.local/shell:1", command: ["sleep", "60"], securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }] } })], { namespace });
    await new Promise((r) => setTimeout(r, 5_000));
    const pod = await getJson<{ status: { phase: string; conditions?: { reason?: string }[] } }>(["pod", "untolerated"], namespace);
    expect(pod.status.phase).toBe("Pending");
    expect(pod.status.conditions?.map((c) => c.reason)).toContain("Unschedulable");
    await kubectl(["delete", "pod", "untolerated", "--wait=false"], { namespace });
  }, 60_000);

  it("gives the API the extra variable from the Secret", async () => {
    const api = (await getJson<{ items: Pod[] }>(["pods", "-l", "app.kubernetes.io/component=api", "--field-selector=status.phase=Running"], namespace)).items[0];
    expect(api).toBeDefined();
    const printed = await kubectl(["exec", api!.metadata.name, "-c", "api", "--", "node", "-e", "console.log(process.env.E2E_GREETING)"], { namespace });
    expect(printed.stdout.trim()).toBe("hello-from-a-secret");
  });

  it("routes the Ingress to nginx's plain-HTTP port, which serves the API", async () => {
    const ingress = await getJson<{ spec: { rules: { host?: string; http: { paths: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] } }[] } }>(["ingress", `${stack.release}-nginx`], namespace);
    expect(ingress.spec.rules.map((r) => r.host)).toEqual([INGRESS_HOST]);
    const backend = ingress.spec.rules[0]!.http.paths[0]!.backend.service;
    expect(backend.name).toBe(`${stack.release}-nginx`);
    const service = await getJson<{ spec: { ports: { name: string; port: number; nodePort?: number }[] } }>(["service", backend.name], namespace);
    const port = service.spec.ports.find((p) => (backend.port.name ? p.name === backend.port.name : p.port === backend.port.number));
    expect(port?.name).toBe("http");
    const plain = stack.nginxUrl.replace("https:", "http:").replace(/:\d+$/, `:${port!.nodePort}`);
    const health = await request(plain, "GET", "/api/health");
    expect(health.status, health.body).toBe(200);
  });

  it("adds the extra egress rule to the API's NetworkPolicy", async () => {
    const policy = await getJson<{ spec: { egress: unknown[] } }>(["networkpolicy", `${stack.release}-allow-api`], namespace);
    expect(policy.spec.egress).toContainEqual(EXTRA_EGRESS);
  });
});
