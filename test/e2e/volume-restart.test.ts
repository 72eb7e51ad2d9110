// Volumes from the default StorageClass, and the cluster's own lifecycle: a second
// cluster:up changes nothing; cluster:down then cluster:up brings back the same cluster
// with the data its volumes hold.
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { readFile } from "node:fs/promises";
import { REPO_ROOT } from "../../src/paths.ts";
import { namespaceForFile, getJson, kubectl } from "./support/cluster.ts";
import { apply, RESTRICTED_CONTAINER_SECURITY, runPod, shellContainer } from "./support/pods.ts";

const CLAIM = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "64Mi" } } } };
const MOUNT = { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] };


async function podWithVolume(name: string, script: string): Promise<string> {
  const run = await runPod(ns(), name, script, {
    ...MOUNT,
    containers: [
      shellContainer(name, script, {
        volumeMounts: [{ name: "data", mountPath: "/data" }],
        securityContext: { ...RESTRICTED_CONTAINER_SECURITY, runAsUser: 1000 },
      }),
    ],
  });
  expect(run.phase, run.logs).toBe("Succeeded");
  return run.logs;
}

async function pids(): Promise<string> {
  return (await execa("bash", ["-c", "cd .cluster/pids && grep -H . *.pid"], { cwd: REPO_ROOT })).stdout;
}

const ns = namespaceForFile("e2e-volume");

describe("volumes and the cluster's lifecycle", () => {
  it("binds a claim through the default StorageClass and keeps what a pod wrote", async () => {
    await apply(ns(), CLAIM);
    const stamp = `written-${Date.now()}`;
    await podWithVolume("writer", `echo ${stamp} > /data/stamp && cat /data/stamp`);
    const claim = await getJson<{ spec: { storageClassName: string }; status: { phase: string } }>(["pvc", "data"], ns());
    expect(claim.status.phase).toBe("Bound");
    expect(claim.spec.storageClassName).toBe("local-path");
    expect(await podWithVolume("reader", "cat /data/stamp")).toContain(stamp);
  });

  it("a second cluster:up while it runs changes nothing", async () => {
    const before = await pids();
    await execa("bash", ["cluster/up.sh"], { cwd: REPO_ROOT });
    expect(await pids()).toBe(before);
  });

  it("keeps the volume and its data across cluster:down and cluster:up", async () => {
    const stamp = (await podWithVolume("before-restart", "cat /data/stamp")).trim();
    const uid = (await kubectl(["get", "namespace", ns(), "-o", "jsonpath={.metadata.uid}"])).stdout;
    await execa("bash", ["cluster/down.sh"], { cwd: REPO_ROOT });
    const pidFiles = await execa("bash", ["-c", "ls .cluster/pids/*.pid 2>/dev/null | wc -l"], { cwd: REPO_ROOT });
    expect(pidFiles.stdout.trim()).toBe("0");
    await execa("bash", ["cluster/up.sh"], { cwd: REPO_ROOT });
    // The same cluster: the namespace (same UID), the claim, and the data.
    expect((await kubectl(["get", "namespace", ns(), "-o", "jsonpath={.metadata.uid}"])).stdout).toBe(uid);
    expect(await podWithVolume("after-restart", "cat /data/stamp")).toContain(stamp);
    expect(await readFile(`${REPO_ROOT}/.cluster/kubeconfig`, "utf8")).toContain("vendata-local");
  });
});
