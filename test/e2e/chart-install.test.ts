// The chart installs on the local cluster and serves: phase 1 with values/small.yaml and
// the local images, on Helm 4 and Helm 3, `helm install --wait`. The API and Mongo have no
// image here yet and are disabled (so are the exporters, which have none either).
import { afterAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundledHelm, type HelmMajor } from "../../src/helm/provision.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { cluster, createNamespace, deleteNamespace, getJson, kubectl } from "./support/cluster.ts";

const RELEASE = "vendata";
const NO_IMAGE_YET = ["api.enabled=false", "mongo.enabled=false", "redis.exporter.enabled=false", "nginx.metrics.enabled=false"];

const namespaces: string[] = [];
afterAll(async () => {
  for (const ns of namespaces) await deleteNamespace(ns);
});

async function helm(major: HelmMajor, args: readonly string[]): Promise<string> {
  const { kubeconfig } = await cluster();
  const result = await execa(bundledHelm(major), args, { cwd: REPO_ROOT, reject: false, env: { KUBECONFIG: kubeconfig } });
  if (result.exitCode !== 0) throw new Error(`helm ${args.join(" ")} failed:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/** The TLS Secret nginx serves (phase 1 has TLS on), with a throwaway self-signed pair. */
async function createTlsSecret(ns: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "vendata-tls-"));
  await execa("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=vendata.test", "-keyout", `${dir}/tls.key`, "-out", `${dir}/tls.crt`]);
  await kubectl(["create", "secret", "tls", "vendata-tls", `--cert=${dir}/tls.crt`, `--key=${dir}/tls.key`], { namespace: ns });
}

interface PodList {
  items: { metadata: { name: string }; status: { phase: string; conditions?: { type: string; status: string }[] } }[];
}

describe.each([4, 3] as const)("phase 1 on the local cluster, Helm %i", (major) => {
  it("helm install --wait brings every pod to Ready, and nginx serves the frontend and the redirect to HTTPS", async () => {
    const ns = await createNamespace(`e2e-helm${major}`);
    namespaces.push(ns);
    await createTlsSecret(ns);
    await helm(major, [
      "install", RELEASE, "charts/vendata", "-n", ns, "--wait", "--timeout", "5m",
      "-f", "values/phase1.yaml", "-f", "values/small.yaml", "-f", "test/e2e/local-images.yaml",
      ...NO_IMAGE_YET.flatMap((pair) => ["--set", pair]),
    ]);

    const pods = await getJson<PodList>(["pods", "-l", `app.kubernetes.io/instance=${RELEASE}`], ns);
    const names = pods.items.map((p) => p.metadata.name);
    expect(names.some((n) => n.startsWith(`${RELEASE}-nginx-`)), names.join(", ")).toBe(true);
    expect(names.some((n) => n.startsWith(`${RELEASE}-redis-`)), names.join(", ")).toBe(true);
    const notReady = pods.items.filter((p) => p.status.conditions?.find((c) => c.type === "Ready")?.status !== "True");
    expect(notReady.map((p) => `${p.metadata.name} (${p.status.phase})`)).toEqual([]);

    // Through the NodePort on the node's bridge address, as a client outside the cluster.
    const { nodeIp } = await cluster();
    const service = await getJson<{ spec: { type: string; ports: { name: string; nodePort: number }[] } }>(["service", `${RELEASE}-nginx`], ns);
    expect(service.spec.type).toBe("NodePort");
    const port = (name: string) => service.spec.ports.find((p) => p.name === name)?.nodePort;
    const https = await execa("curl", ["-sk", "--max-time", "10", `https://${nodeIp}:${port("https")}/`]);
    expect(https.stdout).toMatch(/vendata frontend/i);
    const http = await execa("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", `http://${nodeIp}:${port("http")}/`]);
    expect(http.stdout).toBe("301");

    await helm(major, ["uninstall", RELEASE, "-n", ns, "--wait"]);
  });
});
