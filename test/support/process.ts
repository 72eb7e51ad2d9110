// Real servers for tests (nginx, redis-server, ...): started on 127.0.0.1, waited for,
// and stopped by PID. A missing tool fails the test with the command that installs it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, connect } from "node:net";

/** Absolute path of a program, or an error that says how to install it. */
export function requireTool(program: string, install: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) throw new Error(`${program} is not installed; install it with: ${install}`);
  return path;
}

/** Root and the tools for a private mount namespace (unshare -m, mount --bind, setpriv), or an error saying why. */
export function requireRoot(what: string): void {
  if (process.getuid?.() !== 0) throw new Error(`${what} needs root (a private mount namespace); run the tests as root, as CI does`);
  for (const tool of ["unshare", "setpriv"]) requireTool(tool, "apt-get install -y util-linux");
}

/** A TCP port nobody listens on right now. */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Distinct random loopback addresses (127.x.y.z, never 127.0.0.1), so servers that need
 * the same port on several addresses (pods behind one DNS name) do not meet other tests'.
 */
export function loopbackAddresses(count: number): string[] {
  const found = new Set<string>();
  while (found.size < count) {
    const byte = () => 1 + Math.floor(Math.random() * 254);
    found.add(`127.${byte()}.${byte()}.${byte()}`);
  }
  return [...found];
}

/** A TCP port free on every one of these addresses. */
export async function freePortOnAll(hosts: readonly string[]): Promise<number> {
  const [first = "127.0.0.1", ...rest] = hosts;
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort(first);
    const free = await Promise.all(rest.map((host) => isFree(port, host)));
    if (free.every(Boolean)) return port;
  }
  throw new Error(`no port free on all of ${hosts.join(", ")}`);
}

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function waitForPort(port: number, host = "127.0.0.1", timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host });
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface RunningProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once (a crash, for failover tests). */
  kill(): Promise<void>;
}

export function startProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunningProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (sig: NodeJS.Signals, graceMs: number): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    pid: child.pid,
    child,
    output: () => output,
    stop: (graceMs = 5_000) => signal("SIGTERM", graceMs),
    kill: () => signal("SIGKILL", 0),
  };
}

/**
 * `count` loopback addresses (as loopbackAddresses) on each of which every one of
 * `ports` is free: several "pods" each listening on its own address, same ports.
 */
export async function loopbackAddressesWithFreePorts(count: number, ports: readonly number[]): Promise<string[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const hosts = loopbackAddresses(count);
    const free = await Promise.all(hosts.flatMap((host) => ports.map((port) => isFree(port, host))));
    if (free.every(Boolean)) return hosts;
  }
  throw new Error(`no ${count} loopback addresses with ports ${ports.join(", ")} free on each; does a server listen on 0.0.0.0 on one of them?`);
}

/** Polls `check` until it returns a value other than undefined; fails naming `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
