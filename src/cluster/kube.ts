// The local cluster (cluster/) as the toolkit's scripts and the e2e tests see it: its facts
// (read from cluster/lib.sh, the one place that defines them), kubectl, and namespaces.
import { execa } from "execa";
import { stringify } from "yaml";
import { REPO_ROOT } from "../paths.ts";

export interface ClusterFacts {
  readonly kubectl: string;
  readonly kubeconfig: string;
  readonly nodeName: string;
  readonly nodeIp: string;
  readonly kubernetesVersion: string;
  readonly binDir: (component: string) => string;
}

const FACTS = ["KUBECTL", "KUBECONFIG_FILE", "NODE_NAME", "NODE_IP", "KUBERNETES_VERSION", "BIN_ROOT"] as const;

let facts: ClusterFacts | undefined;

/** Reads the cluster's facts from cluster/lib.sh in one bash call. */
export async function cluster(): Promise<ClusterFacts> {
  if (facts) return facts;
  const script = `source cluster/lib.sh; ${FACTS.map((name) => `printf '%s\\n' "$${name}"`).join("; ")}`;
  const { stdout } = await execa("bash", ["-c", script], { cwd: REPO_ROOT });
  const [kubectl, kubeconfig, nodeName, nodeIp, kubernetesVersion, binRoot] = stdout.split("\n");
  if (!kubectl || !kubeconfig || !nodeName || !nodeIp || !kubernetesVersion || !binRoot) throw new Error(`cluster/lib.sh gave incomplete facts:\n${stdout}`);
  facts = { kubectl, kubeconfig, nodeName, nodeIp, kubernetesVersion, binDir: (component) => `${binRoot}/${component}` };
  return facts;
}

export interface KubectlOptions {
  namespace?: string;
  input?: string;
  /** Resolve with the result instead of throwing when kubectl fails. */
  allowFailure?: boolean;
  timeoutMs?: number;
}

export interface KubectlResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kubectl against the local cluster; throws with kubectl's message unless allowFailure. */
export async function kubectl(args: readonly string[], options: KubectlOptions = {}): Promise<KubectlResult> {
  const { kubectl: bin, kubeconfig } = await cluster();
  const fullArgs = [...(options.namespace ? ["-n", options.namespace] : []), ...args];
  const result = await execa(bin, fullArgs, {
    input: options.input,
    reject: false,
    timeout: options.timeoutMs ?? 120_000,
    env: { KUBECONFIG: kubeconfig },
  });
  const out = { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
  if (out.exitCode !== 0 && !options.allowFailure) throw new Error(`kubectl ${fullArgs.join(" ")} failed (exit ${out.exitCode}):\n${out.stderr}${out.stdout}`);
  return out;
}

/** kubectl apply of objects given as plain data. */
export async function apply(namespace: string, ...objects: readonly object[]): Promise<void> {
  await kubectl(["apply", "-f", "-"], { namespace, input: objects.map((o) => stringify(o)).join("---\n") });
}

/** kubectl get ... -o json, parsed. */
export async function getJson<T>(args: readonly string[], namespace?: string): Promise<T> {
  const { stdout } = await kubectl(["get", ...args, "-o", "json"], { namespace });
  return JSON.parse(stdout) as T;
}

/**
 * A fresh namespace named `<prefix>-<random>`, labelled to enforce the restricted Pod
 * Security Standard unless told otherwise. Delete it with deleteNamespace.
 */
export async function createNamespace(prefix: string, podSecurity: "restricted" | "baseline" | "privileged" = "restricted"): Promise<string> {
  const name = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  await kubectl(["create", "namespace", name]);
  await kubectl(["label", "namespace", name, `pod-security.kubernetes.io/enforce=${podSecurity}`, `pod-security.kubernetes.io/warn=${podSecurity}`]);
  await waitForDefaultServiceAccount(name);
  return name;
}

async function waitForDefaultServiceAccount(namespace: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const found = await kubectl(["get", "serviceaccount", "default"], { namespace, allowFailure: true });
    if (found.exitCode === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`namespace ${namespace} has no default ServiceAccount after 20 s`);
}

export async function deleteNamespace(name: string): Promise<void> {
  await kubectl(["delete", "namespace", name, "--wait=true", "--timeout=120s"], { allowFailure: true });
}
