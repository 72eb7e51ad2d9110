// The whole stack on the local cluster: the release installed or upgraded with a phase's
// values, charts/vendata/presets/small.yaml and the local images, against the FerretDB stand-in for Mongo.
// Used by `npm run stack:up` (scripts/stack.ts) and by the e2e tests.
import { execa } from "execa";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { bundledHelm, type HelmMajor } from "../helm/provision.ts";
import { REPO_ROOT } from "../paths.ts";
import { PRESETS_DIR } from "../phases.ts";
import { deployFerretDb, type StandInMongo } from "./ferretdb.ts";
import { cluster, getJson, kubectl } from "./kube.ts";
import { ensureTlsSecret } from "./tls.ts";

export type StackPhase = "phase1" | "phase2" | "phase3";
export const STACK_PHASES: readonly StackPhase[] = ["phase1", "phase2", "phase3"];

export interface StackOptions {
  readonly phase: StackPhase;
  readonly namespace: string;
  readonly release?: string;
  readonly helm?: HelmMajor;
  /** Values over the phase's and the local cluster's (a test's own settings): the last -f. */
  readonly values?: Record<string, unknown>;
}

export interface Stack {
  readonly phase: StackPhase;
  readonly release: string;
  readonly namespace: string;
  /** nginx's HTTPS address from outside the cluster (node address and NodePort). */
  readonly nginxUrl: string;
  readonly mongo: StandInMongo;
}

/** Runs Helm against the local cluster; throws with Helm's output. */
export async function helmOnCluster(major: HelmMajor, args: readonly string[]): Promise<string> {
  const { kubeconfig } = await cluster();
  const result = await execa(bundledHelm(major), args, { cwd: REPO_ROOT, reject: false, env: { KUBECONFIG: kubeconfig } });
  if (result.exitCode !== 0) throw new Error(`helm ${args.join(" ")} failed (exit ${result.exitCode}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/**
 * What the local cluster changes in the values: Mongo is the FerretDB stand-in (no mongod
 * image exists here), nginx is reached through a NodePort (no LoadBalancer here), and
 * monitoring is on with Prometheus alone (vendata.local/prometheus, images/prometheus, in
 * test/e2e/local-images.yaml; phase 1 too): Grafana has no buildable source here, so
 * monitoring.grafana.enabled is false.
 * The API's HPA must settle when the API idles: the reference API idles at 13-14m CPU in
 * phase 3 (its Mongo, Redis Cluster and metrics clients), 65-70 % of small.yaml's 20m, which
 * is inside the HPA's 10 % tolerance of its 70 % target, so it kept whatever count the
 * start-up's CPU took it to. With 30m (room enough on the node up to phase 3) an idle API
 * is below half its request, the e2e load takes it above, and with a 30 s scale-down
 * window (the seed's 300 s otherwise) it is back at its minimum a minute after a load.
 */
export function localClusterValues(mongo: StandInMongo): object {
  return {
    global: {
      externalMongo: {
        hosts: [mongo.host],
        database: mongo.database,
        username: mongo.username,
        existingSecret: mongo.secretName,
        passwordKey: mongo.passwordKey,
        // FerretDB keeps its setup user in the setup database.
        options: { authSource: mongo.database },
      },
    },
    mongo: { enabled: false },
    api: {
      resources: { requests: { cpu: "30m" } },
      autoscaling: { behavior: { scaleDown: { stabilizationWindowSeconds: 30 } } },
    },
    nginx: { service: { type: "NodePort" } },
    monitoring: { enabled: true, grafana: { enabled: false } },
  };
}

/** The values files of a phase on the local cluster, in Helm's order. */
export function stackValuesFiles(phase: StackPhase, mongo: StandInMongo, values?: Record<string, unknown>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "vendata-stack-"));
  const local = join(dir, "local-cluster.yaml");
  writeFileSync(local, stringify(localClusterValues(mongo)));
  const files = [`${PRESETS_DIR}/${phase}.yaml`, `${PRESETS_DIR}/small.yaml`, "test/e2e/local-images.yaml", local];
  if (values) {
    const own = join(dir, "test-values.yaml");
    writeFileSync(own, stringify(values));
    files.push(own);
  }
  return files;
}

/** Installs the phase, or upgrades the release to it, and waits until every pod and Job is done. */
export async function installStack(options: StackOptions): Promise<Stack> {
  const { phase, namespace } = options;
  const release = options.release ?? "vendata";
  await ensureNamespace(namespace);
  await ensureTlsSecret(namespace);
  const mongo = await deployFerretDb(namespace);
  const files = stackValuesFiles(phase, mongo, options.values).flatMap((f) => ["-f", f]);
  await helmOnCluster(options.helm ?? 4, ["upgrade", "--install", release, "charts/vendata", "-n", namespace, "--wait", "--wait-for-jobs", "--timeout", "10m", ...files]);
  const url = await nginxUrl(namespace, release);
  await untilNginxServesTheApi(url);
  return { phase, release, namespace, nginxUrl: url, mongo };
}

/**
 * Helm's --wait ends when the pods are Ready, but nginx learns the API's pods from DNS
 * (resolver valid time) and answers 502 until then: wait until /api/health through it
 * answers 200 on `inARow` new connections in a row (kube-proxy spreads them over the
 * nginx pods, so one answer speaks for one pod only). After install, upgrade and rollback.
 */
export async function untilNginxServesTheApi(url: string, timeoutMs = 120_000, inARow = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let status = "";
  let served = 0;
  while (Date.now() < deadline) {
    const probe = await execa("curl", ["-sk", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", `${url}/api/health`], { reject: false });
    status = probe.stdout;
    served = status === "200" ? served + 1 : 0;
    if (served === inARow) return;
    if (served === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`nginx at ${url} still answers ${status || "nothing"} on /api/health after ${timeoutMs / 1000} s`);
}

/** A namespace enforcing the restricted Pod Security Standard, created when missing. */
export async function ensureNamespace(namespace: string): Promise<void> {
  const found = await kubectl(["get", "namespace", namespace], { allowFailure: true });
  if (found.exitCode !== 0) await kubectl(["create", "namespace", namespace]);
  await kubectl(["label", "--overwrite", "namespace", namespace, "pod-security.kubernetes.io/enforce=restricted", "pod-security.kubernetes.io/warn=restricted"]);
}

export async function nginxUrl(namespace: string, release: string): Promise<string> {
  const { nodeIp } = await cluster();
  return `https://${nodeIp}:${await nodePort(namespace, release, "https")}`;
}

/** The NodePort of nginx's Service port of that name (http or https). */
export async function nodePort(namespace: string, release: string, name: "http" | "https"): Promise<number> {
  const service = await getJson<{ spec: { ports: { name: string; nodePort?: number }[] } }>(["service", `${release}-nginx`], namespace);
  const port = service.spec.ports.find((p) => p.name === name)?.nodePort;
  if (!port) throw new Error(`service ${release}-nginx has no ${name} NodePort`);
  return port;
}

interface PodList {
  items: { metadata: { name: string; deletionTimestamp?: string }; status: { phase: string; conditions?: { type: string; status: string }[] } }[];
}

/** "name (phase)" of every pod of the namespace that is not Ready (finished Job pods and pods on their way out excepted). */
export async function podsNotReady(namespace: string): Promise<string[]> {
  const pods = await getJson<PodList>(["pods"], namespace);
  return pods.items
    .filter((p) => p.status.phase !== "Succeeded" && !p.metadata.deletionTimestamp && p.status.conditions?.find((c) => c.type === "Ready")?.status !== "True")
    .map((p) => `${p.metadata.name} (${p.status.phase})`);
}

/** The events and logs of the pods that are not Ready: what a failure should print. */
export async function explainNotReady(namespace: string): Promise<string> {
  const lines: string[] = [];
  for (const pod of await podsNotReady(namespace)) {
    const name = pod.split(" ")[0] ?? pod;
    lines.push(`--- ${pod}`, (await kubectl(["describe", "pod", name], { namespace, allowFailure: true })).stdout);
    lines.push((await kubectl(["logs", name, "--all-containers", "--tail=50"], { namespace, allowFailure: true })).stdout);
  }
  return lines.join("\n");
}
