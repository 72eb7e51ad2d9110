// The local cluster itself: a Ready node at the pinned version, PodSecurity enforced, and
// no way off the machine (pulls fail at once, no host resolver, no outside names).
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { cluster, namespaceForFile, getJson, kubectl } from "./support/cluster.ts";
import { apply, runPod, shellContainer, RESTRICTED_CONTAINER_SECURITY } from "./support/pods.ts";
import { waitFor } from "../support/process.ts";
import { REPO_ROOT } from "../../src/paths.ts";

interface NodeList {
  items: { metadata: { name: string }; status: { conditions: { type: string; status: string }[]; nodeInfo: { kubeletVersion: string; kubeProxyVersion: string } } }[];
}

const ns = namespaceForFile("e2e-node");

describe("the local cluster", () => {
  it("has one Ready node running the pinned Kubernetes version", async () => {
    const { nodeName, kubernetesVersion } = await cluster();
    const nodes = await getJson<NodeList>(["nodes"]);
    expect(nodes.items.map((n) => n.metadata.name)).toEqual([nodeName]);
    const [node] = nodes.items;
    expect(node?.status.conditions.find((c) => c.type === "Ready")?.status).toBe("True");
    expect(node?.status.nodeInfo.kubeletVersion).toBe(`v${kubernetesVersion}`);
    const server = JSON.parse((await kubectl(["version", "-o", "json"])).stdout) as { serverVersion: { gitVersion: string } };
    expect(server.serverVersion.gitVersion).toBe(`v${kubernetesVersion}`);
  });

  it("refuses a privileged pod in a namespace that enforces the restricted standard", async () => {
    const refused = await kubectl(["apply", "-f", "-"], {
      namespace: ns(),
      allowFailure: true,
      input: JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "privileged" },
        spec: { containers: [{ ...shellContainer("privileged", "true"), securityContext: { privileged: true } }] },
      }),
    });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/violates PodSecurity "restricted:latest".*privileged/);
  });

  it("fails an image pull at once instead of trying a registry", async () => {
    await apply(ns(), {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "unpullable" },
      spec: {
        containers: [{ name: "main", image: "docker.io/library/busybox:1.36.1", securityContext: RESTRICTED_CONTAINER_SECURITY }],
      },
    });
    const message = await waitFor("the pull to fail", async () => {
      const pod = await getJson<{ status: { containerStatuses?: { state: { waiting?: { reason: string; message?: string } } }[] } }>(["pod", "unpullable"], ns());
      const waiting = pod.status.containerStatuses?.[0]?.state.waiting;
      return waiting && /ErrImagePull|ImagePullBackOff/.test(waiting.reason) ? (waiting.message ?? waiting.reason) : undefined;
    }, 60_000);
    // The only registry host containerd knows is the dead local port.
    const events = (await kubectl(["get", "events", "--field-selector", "involvedObject.name=unpullable", "-o", "jsonpath={.items[*].message}"], { namespace: ns() })).stdout;
    expect(`${message} ${events}`).toMatch(/127\.0\.0\.1:9/);
  });

  it("gives pods the cluster's DNS only: cluster names resolve, outside names do not", async () => {
    const run = await runPod(ns(), "dns", [
      "cat /etc/resolv.conf",
      "echo ---",
      "nslookup kubernetes.default.svc.cluster.local && echo CLUSTER-OK",
      "nslookup example.com || echo OUTSIDE-FAILED",
    ].join("; "));
    const [resolvConf = ""] = run.logs.split("---");
    expect(resolvConf).toMatch(/^nameserver 10\.96\.0\.10$/m);
    expect(resolvConf.match(/^nameserver/gm)).toHaveLength(1);
    expect(run.logs).toContain("CLUSTER-OK");
    expect(run.logs).toMatch(/10\.96\.0\.1\b/);
    expect(run.logs).toContain("OUTSIDE-FAILED");
  });

  it("drops pod traffic to any address off the bridge", async () => {
    // A public address, by IP so that DNS plays no part: the uplink drop must stop it.
    const run = await runPod(ns(), "egress", "if timeout 5 nc -w 3 1.1.1.1 443 </dev/null; then echo EGRESS-OPEN; else echo EGRESS-CLOSED; fi");
    expect(run.logs).toContain("EGRESS-CLOSED");
    const rules = await execa("iptables", ["-w", "-t", "mangle", "-S", "VENDATA-NO-EGRESS"]);
    expect(rules.stdout).toMatch(/-i vendata0 -j DROP/);
    expect(rules.stdout).toMatch(/-o vendata0 -j DROP/);
  });

  it("keeps every component running when cluster:up runs again on the running cluster", async () => {
    const pids = async () => (await execa("bash", ["-c", "for f in .cluster/pids/*.pid; do echo \"$(basename \"$f\" .pid)=$(cat \"$f\")\"; done"], { cwd: REPO_ROOT })).stdout;
    const before = await pids();
    await execa("bash", ["cluster/up.sh"], { cwd: REPO_ROOT });
    // kube-proxy exits a moment after its config file is written, even with the same content.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await pids()).toBe(before);
    const dead = await execa("bash", ["-c", "for f in .cluster/pids/*.pid; do kill -0 \"$(cat \"$f\")\" 2>/dev/null || basename \"$f\" .pid; done"], { cwd: REPO_ROOT });
    expect(dead.stdout).toBe("");
  });

  it("listens only on loopback or the bridge address", async () => {
    const { nodeIp } = await cluster();
    const pids = (await execa("bash", ["-c", "cat .cluster/pids/*.pid"], { cwd: REPO_ROOT })).stdout.split(/\s+/).filter(Boolean);
    expect(pids.length).toBeGreaterThanOrEqual(10);
    const sockets = (await execa("ss", ["-Hltnup"])).stdout.split("\n").filter((line) => pids.some((pid) => line.includes(`pid=${pid},`)));
    expect(sockets.length).toBeGreaterThan(5);
    const addresses = sockets.map((line) => line.trim().split(/\s+/)[4] ?? "");
    const outside = addresses.filter((a) => !a.startsWith("127.") && !a.startsWith(`${nodeIp}:`));
    expect(outside, sockets.join("\n")).toEqual([]);
  });
});
