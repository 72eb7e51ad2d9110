// Workloads talk to each other the way the chart's pods will: a Deployment behind a
// ClusterIP Service by its DNS name, and StatefulSet pods by their headless names.
import { describe, expect, it } from "vitest";
import { namespaceForFile, kubectl } from "./support/cluster.ts";
import { apply, runPod, shellContainer } from "./support/pods.ts";

// A tiny web server: busybox httpd serving a page that names the pod.
const SERVE = 'mkdir -p /tmp/www && echo "hello from $(hostname)" > /tmp/www/index.html && exec httpd -f -p 8080 -h /tmp/www';

function server(name: string): Record<string, unknown> {
  return shellContainer(name, SERVE, {
    ports: [{ containerPort: 8080, name: "http" }],
    readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 },
  });
}

const ns = namespaceForFile("e2e-workloads");

describe("workloads on the local cluster", () => {
  it("a Deployment behind a Service answers through CoreDNS", async () => {
    await apply(
      ns(),
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: { terminationGracePeriodSeconds: 1, containers: [server("web")] } },
        },
      },
      { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] } },
    );
    await kubectl(["rollout", "status", "deployment/web", "--timeout=120s"], { namespace: ns() });
    const run = await runPod(ns(), "client", `wget -q -O - http://web.${ns()}.svc.cluster.local/ && wget -q -O - http://web/`);
    expect(run.phase, run.logs).toBe("Succeeded");
    expect(run.logs).toMatch(/^hello from web-[a-z0-9]+-[a-z0-9]+$/m);
  });

  it("each StatefulSet pod reaches the other by <pod>.<service>.<namespace>.svc.cluster.local", async () => {
    await apply(
      ns(),
      { apiVersion: "v1", kind: "Service", metadata: { name: "peers" }, spec: { clusterIP: "None", selector: { app: "peers" }, ports: [{ port: 8080 }] } },
      {
        apiVersion: "apps/v1",
        kind: "StatefulSet",
        metadata: { name: "peer" },
        spec: {
          serviceName: "peers",
          replicas: 2,
          podManagementPolicy: "Parallel",
          selector: { matchLabels: { app: "peers" } },
          template: { metadata: { labels: { app: "peers" } }, spec: { terminationGracePeriodSeconds: 1, containers: [server("peer")] } },
        },
      },
    );
    await kubectl(["rollout", "status", "statefulset/peer", "--timeout=120s"], { namespace: ns() });
    for (const [from, to] of [["peer-0", "peer-1"], ["peer-1", "peer-0"]] as const) {
      const got = await kubectl(["exec", from, "--", "wget", "-q", "-O", "-", `http://${to}.peers.${ns()}.svc.cluster.local:8080/`], { namespace: ns() });
      expect(got.stdout.trim()).toBe(`hello from ${to}`);
    }
  });
});
