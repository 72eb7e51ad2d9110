// Real Debian redis-server processes playing the pods of a rendered redis chart, on
// one machine: each pod gets its own 127.x address and a private /etc/hosts that maps
// every pod's DNS name (and its own "localhost") to those addresses. The containers run
// exactly the rendered ConfigMap (redis.conf and the scripts) with the rendered
// environment. Stand-ins: two wrappers that make redis-server and redis-sentinel listen
// on the pod's address only, as they would alone in a pod, and Debian's
// prometheus-redis-exporter for the metrics sidecar's image.
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { PodSpec } from "kubernetes-types/core/v1.js";
import type { Rendered } from "../../src/render/render.ts";
import { loopbackAddressesWithFreePorts, requireRoot, requireTool, type RunningProcess } from "../support/process.ts";
import { startContainer, type LocalPod } from "../support/pod.ts";

const run = promisify(execFile);

export const RELEASE = "vendata";
const NAMESPACE = "vendata";
const DEBIAN_ENTRYPOINTS: Record<string, string[]> = { metrics: ["/usr/bin/prometheus-redis-exporter"] };

export function requireRedis(): void {
  requireRoot("running Redis pods locally");
  requireTool("redis-server", "apt-get install -y redis-server");
  requireTool("redis-cli", "apt-get install -y redis-tools");
}

/** What the tests need from a render: the pod templates of the StatefulSet and the Job. */
export interface RedisRender {
  rendered: Rendered;
  spec: PodSpec;
  replicas: number;
  jobSpec?: PodSpec;
}

export function redisRender(r: Rendered): RedisRender {
  const sts = r.find("StatefulSet", `${RELEASE}-redis`);
  return {
    rendered: r,
    spec: sts.spec!.template.spec!,
    replicas: sts.spec!.replicas ?? 1,
    jobSpec: r.maybe("Job", `${RELEASE}-redis-cluster-create-1`)?.spec?.template.spec,
  };
}

export const podName = (i: number) => `${RELEASE}-redis-${i}`;
export const podHost = (i: number) => `${podName(i)}.${RELEASE}-redis-headless.${NAMESPACE}.svc`;

/** A set of local pods: addresses, private hosts files, and their running containers. */
export class RedisPods {
  readonly root = mkdtempSync(join(tmpdir(), "vendata-redis-"));
  private readonly wrappers = join(this.root, "bin");
  private readonly running = new Map<string, RunningProcess>();
  /** Pod index -> address; the job and the test's client get addresses too. */
  private addresses: string[] = [];

  private constructor(
    private render: RedisRender,
    private readonly ports: readonly number[],
  ) {
    mkdirSync(this.wrappers);
    const wrapper = (name: string, line: string) => {
      writeFileSync(join(this.wrappers, name), `#!/bin/sh\n# One machine, many pods: listen on this pod's address only.\n${line}\n`);
      chmodSync(join(this.wrappers, name), 0o755);
    };
    wrapper("redis-server", 'exec /usr/bin/redis-server "$@" --bind "$POD_IP"');
    wrapper("redis-sentinel", 'exec /usr/bin/redis-server "$@" --sentinel --bind "$POD_IP"');
  }

  /** Addresses for `capacity` pods, with every port in `ports` free on each. */
  static async create(render: RedisRender, ports: readonly number[], capacity = render.replicas): Promise<RedisPods> {
    const pods = new RedisPods(render, ports);
    await pods.readdress(capacity);
    return pods;
  }

  /** The pod template of the current render. */
  get spec(): PodSpec {
    return this.render.spec;
  }

  /** Later pods (a grown StatefulSet, the creation Job) use this render. */
  useRender(render: RedisRender): void {
    this.render = render;
  }

  ip(i: number): string {
    const ip = this.addresses[i];
    if (!ip) throw new Error(`no address for pod ${i}`);
    return ip;
  }

  /** New addresses for every pod (all pods rescheduled); hosts files follow. */
  async readdress(capacity = this.addresses.length - 1): Promise<void> {
    // One more address than pods: the test's own client and the Job live there.
    this.addresses = await loopbackAddressesWithFreePorts(capacity + 1, this.ports);
    for (let i = 0; i < capacity; i++) this.writeHosts(`pod-${i}`, this.ip(i));
    this.writeHosts("client", this.clientIp);
  }

  private get clientIp(): string {
    return this.addresses[this.addresses.length - 1]!;
  }

  private hostsFile(who: string): string {
    return join(this.root, who, "hosts");
  }

  // Cluster DNS as the headless Service gives it, and "localhost" is the pod itself.
  private writeHosts(who: string, self: string): void {
    mkdirSync(join(this.root, who), { recursive: true });
    const lines = [`${self} localhost`, ...this.addresses.slice(0, -1).map((ip, i) => `${ip} ${podHost(i)} ${podName(i)}`)];
    writeFileSync(this.hostsFile(who), `${lines.join("\n")}\n`);
  }

  private localPod(i: number): LocalPod {
    return {
      name: podName(i),
      ip: this.ip(i),
      spec: this.render.spec,
      rendered: this.render.rendered,
      dir: join(this.root, `pod-${i}`),
      hostsFile: this.hostsFile(`pod-${i}`),
    };
  }

  /** Starts containers of pod i (default: redis, and sentinel when the pod has one). */
  start(i: number, containers = this.render.spec.containers.map((c) => c.name).filter((n) => n !== "metrics")): void {
    for (const name of containers) {
      const key = `${i}/${name}`;
      if (this.running.has(key)) throw new Error(`${key} is already running`);
      this.running.set(key, startContainer(this.localPod(i), name, { programs: this.wrappers, entrypoint: DEBIAN_ENTRYPOINTS[name], env: this.listenOnPodAddress(i, name) }));
    }
  }

  // The exporter listens on ":port" (every address); here, on the pod's address only.
  private listenOnPodAddress(i: number, container: string): Record<string, string> {
    const listen = this.render.spec.containers.find((c) => c.name === container)?.env?.find((e) => e.name === "REDIS_EXPORTER_WEB_LISTEN_ADDRESS")?.value;
    return listen?.startsWith(":") ? { REDIS_EXPORTER_WEB_LISTEN_ADDRESS: `${this.ip(i)}${listen}` } : {};
  }

  /** Runs a command in pod i's container, as an exec probe would; resolves to its exit code. */
  async exec(i: number, container: string, command: readonly string[]): Promise<number | null> {
    const run = startContainer(this.localPod(i), container, { programs: this.wrappers, exec: command });
    return new Promise((resolve) => run.child.once("exit", resolve));
  }

  /** The container's output so far (for failure messages). */
  output(i: number, container = "redis"): string {
    return this.running.get(`${i}/${container}`)?.output() ?? "";
  }

  /** SIGKILL every container of pod i (a node lost), or only the named ones. */
  async kill(i: number, containers?: readonly string[]): Promise<void> {
    await this.each(i, containers, (p) => p.kill());
  }

  /** SIGTERM every container of pod i (a pod deleted). */
  async stop(i: number, containers?: readonly string[]): Promise<void> {
    await this.each(i, containers, (p) => p.stop());
  }

  private async each(i: number, containers: readonly string[] | undefined, act: (p: RunningProcess) => Promise<void>): Promise<void> {
    const keys = [...this.running.keys()].filter((k) => k.startsWith(`${i}/`) && (!containers || containers.includes(k.slice(k.indexOf("/") + 1))));
    await Promise.all(keys.map(async (k) => (await act(this.running.get(k)!), this.running.delete(k))));
  }

  /** Runs the rendered cluster-creation Job's container to completion; returns its output. */
  async runJob(): Promise<string> {
    const { exitCode, output } = await this.runJobToEnd();
    if (exitCode !== 0) throw new Error(`the cluster-creation Job failed (exit ${exitCode}):\n${output}`);
    return output;
  }

  /** The same, for a run that may fail. */
  async runJobToEnd(): Promise<{ exitCode: number | null; output: string }> {
    const spec = this.render.jobSpec;
    if (!spec) throw new Error("this render has no cluster-creation Job");
    const pod: LocalPod = {
      name: `${RELEASE}-redis-cluster-create-job`,
      ip: this.clientIp,
      spec,
      rendered: this.render.rendered,
      dir: join(this.root, "job"),
      hostsFile: this.hostsFile("client"),
    };
    const job = startContainer(pod, spec.containers[0]!.name);
    const exitCode = await new Promise<number | null>((resolve) => job.child.once("exit", resolve));
    return { exitCode, output: job.output() };
  }

  /**
   * redis-cli as a client of the cluster: pod names resolve as they do in the cluster,
   * and the password comes from the rendered Secret (REDISCLI_AUTH), as in the pods.
   */
  async cli(args: readonly string[], input?: string): Promise<string> {
    const secret = this.render.rendered.find("Secret", `${RELEASE}-secrets`).data?.REDIS_PASSWORD ?? "";
    const password = Buffer.from(secret, "base64").toString();
    const script = 'mount --bind "$0" /etc/hosts && exec redis-cli --no-auth-warning "$@"';
    const child = run("unshare", ["--mount", "--propagation", "private", "sh", "-c", script, this.hostsFile("client"), ...args], {
      env: { PATH: process.env.PATH, REDISCLI_AUTH: password },
      timeout: 20_000,
    });
    child.child.stdin?.end(input);
    const { stdout } = await child;
    return stdout.replace(/\r/g, "");
  }

  /** redis-cli against pod i's redis-server. */
  async cliPod(i: number, ...args: string[]): Promise<string> {
    const port = this.render.spec.containers[0]?.ports?.find((p) => p.name === "redis")?.containerPort ?? 6379;
    return this.cli(["-h", podHost(i), "-p", String(port), ...args]);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((p) => p.stop()));
    this.running.clear();
  }

  async cleanup(): Promise<void> {
    await this.stopAll();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Fields of CLUSTER INFO or INFO output ("key:value" lines). */
export function fields(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => line.includes(":") && !line.startsWith("#"))
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

/** A reply that alternates keys and values, one per line (SENTINEL MASTER). */
export function pairs(text: string): Record<string, string> {
  const lines = text.trim().split("\n");
  return Object.fromEntries(lines.flatMap((key, i) => (i % 2 === 0 ? [[key, lines[i + 1] ?? ""]] : [])));
}

export interface ClusterNode {
  id: string;
  /** The hostname the node announces. */
  host: string;
  role: "master" | "slave";
  failed: boolean;
  /** The cluster bus link to it is up. */
  connected: boolean;
  myself: boolean;
  /** Id of its master ("-" for a master). */
  master: string;
  configEpoch: number;
  slots: string[];
}

/** CLUSTER NODES output, one entry per node. */
export function clusterNodes(text: string): ClusterNode[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [id = "", address = "", flags = "", master = "", , , epoch = "0", link = "", ...slots] = line.split(" ");
      const flagList = flags.split(",");
      return {
        id,
        host: address.split(",")[1] ?? "",
        role: flagList.includes("master") ? "master" : "slave",
        failed: flagList.some((f) => f === "fail" || f === "fail?"),
        connected: link === "connected",
        myself: flagList.includes("myself"),
        master,
        configEpoch: Number(epoch),
        slots,
      };
    });
}
