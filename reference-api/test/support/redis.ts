// Debian's redis-server on 127.0.0.1 ports, password-protected as the chart's are: a
// standalone server, a sentinel set (master, replica, one sentinel that also requires the
// password) and a 3-master cluster formed by `redis-cli --cluster create`. Stopped by PID.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, requireTool, startProcess, waitFor, waitForPort, type RunningProcess } from "../../../test/support/process.ts";

const INSTALL = "apt-get install -y redis-server redis-tools";

export interface RedisServer {
  readonly address: string;
  readonly port: number;
  readonly process: RunningProcess;
  stop(): Promise<void>;
}

export interface RedisSet {
  /** The addresses the API is pointed at: the server, the sentinels, or the cluster's seeds. */
  readonly addresses: string[];
  readonly servers: RedisServer[];
  stop(): Promise<void>;
}

export function requireRedis(): { server: string; cli: string } {
  return { server: requireTool("redis-server", INSTALL), cli: requireTool("redis-cli", INSTALL) };
}

/** redis-cli against one server, with the password in REDISCLI_AUTH (never on the command line). */
export function redisCli(address: string, password: string, ...args: string[]): string {
  const [host = "", port = ""] = address.split(":");
  const run = spawnSync(requireRedis().cli, ["-h", host, "-p", port, ...args], { encoding: "utf8", env: { ...process.env, REDISCLI_AUTH: password }, timeout: 30_000 });
  if (run.status !== 0) throw new Error(`redis-cli ${args.join(" ")} failed (${run.status}): ${run.stderr}${run.stdout}`);
  return run.stdout.trim();
}

async function startServer(password: string, extra: string[], options: { sentinel?: boolean; port?: number } = {}): Promise<RedisServer> {
  const { server } = requireRedis();
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "reference-api-redis-"));
  const conf = join(dir, "redis.conf");
  const lines = [`port ${port}`, "bind 127.0.0.1", `dir ${dir}`, 'save ""', "appendonly no", `requirepass ${password}`, ...extra];
  writeFileSync(conf, lines.join("\n").replaceAll("$PORT", String(port)) + "\n");
  const running = startProcess(server, [conf, ...(options.sentinel ? ["--sentinel"] : [])], { cwd: dir });
  try {
    await waitForPort(port);
  } catch (error) {
    await running.stop();
    throw new Error(`redis-server did not listen on ${port}: ${String(error)}\n${running.output()}`);
  }
  return {
    address: `127.0.0.1:${port}`,
    port,
    process: running,
    stop: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const stopAll = (servers: RedisServer[]) => async () => void (await Promise.all(servers.map((s) => s.stop())));

/** One server (on `port`, to restart one that was stopped). */
export async function startStandalone(password: string, port?: number): Promise<RedisSet> {
  const server = await startServer(password, [], port === undefined ? {} : { port });
  return { addresses: [server.address], servers: [server], stop: stopAll([server]) };
}

/**
 * One server speaking TLS only (a self-signed certificate for 127.0.0.1, no client
 * certificates), as an external Redis with tls would; `ca` is the certificate to trust.
 */
export async function startTlsStandalone(password: string): Promise<RedisSet & { ca: string }> {
  const openssl = requireTool("openssl", "apt-get install -y openssl");
  const dir = mkdtempSync(join(tmpdir(), "reference-api-redis-tls-"));
  const [cert, key] = [join(dir, "cert.pem"), join(dir, "key.pem")];
  const made = spawnSync(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr}`);
  const server = await startServer(password, ["port 0", "tls-port $PORT", `tls-cert-file ${cert}`, `tls-key-file ${key}`, `tls-ca-cert-file ${cert}`, "tls-auth-clients no"]);
  return {
    addresses: [server.address],
    servers: [server],
    ca: cert,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A master, one replica and a sentinel (quorum 1) watching it as `masterName`. */
export async function startSentinelSet(password: string, masterName: string): Promise<RedisSet> {
  const master = await startServer(password, [`masterauth ${password}`]);
  const replica = await startServer(password, [`masterauth ${password}`, `replicaof 127.0.0.1 ${master.port}`]);
  const sentinel = await startServer(
    password,
    [`sentinel sentinel-pass ${password}`, `sentinel monitor ${masterName} 127.0.0.1 ${master.port} 1`, `sentinel auth-pass ${masterName} ${password}`, `sentinel down-after-milliseconds ${masterName} 5000`],
    { sentinel: true },
  );
  const servers = [master, replica, sentinel];
  await waitFor("the replica to sync", async () => (/master_link_status:up/.test(redisCli(replica.address, password, "INFO", "replication")) ? true : undefined), 20_000);
  await waitFor("the sentinel to name the master", async () => (redisCli(sentinel.address, password, "SENTINEL", "get-master-addr-by-name", masterName).includes(String(master.port)) ? true : undefined), 20_000);
  return { addresses: [sentinel.address], servers, stop: stopAll(servers) };
}

/** Three masters (no replicas) formed into a cluster by redis-cli --cluster create. */
export async function startCluster(password: string): Promise<RedisSet> {
  const servers = await Promise.all(
    [0, 1, 2].map(() => startServer(password, [`masterauth ${password}`, "cluster-enabled yes", "cluster-config-file nodes-$PORT.conf", "cluster-node-timeout 5000"])),
  );
  const addresses = servers.map((s) => s.address);
  redisCli(addresses[0] ?? "", password, "--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes");
  await waitFor(
    "the cluster to be ok on every node",
    async () => (addresses.every((a) => /cluster_state:ok/.test(redisCli(a, password, "CLUSTER", "INFO"))) ? true : undefined),
    30_000,
  );
  return { addresses, servers, stop: stopAll(servers) };
}
