// FerretDB (github.com/FerretDB/FerretDB, SQLite backend) as the MongoDB server the real
// mongosh talks to: no mongod exists on any registry these machines reach, and FerretDB
// speaks the wire protocol with SCRAM authentication, ping, hello, users (without roles)
// and indexes. It has no replica-set, sharding or role commands (CommandNotFound, or "not
// implemented"): what needs those is not tested against it. One process per call, on
// 127.0.0.1 and a free port, its data in a temporary directory, stopped by PID.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/paths.ts";
import { freePort, startProcess, waitForPort, type RunningProcess } from "../support/process.ts";

const BUILD_SCRIPT = "scripts/build-ferretdb.sh";

/** The pinned version: FERRETDB_VERSION in scripts/build-ferretdb.sh, the one place it is written. */
export const FERRETDB_VERSION = (() => {
  const match = /^FERRETDB_VERSION=(\S+)$/m.exec(readFileSync(join(REPO_ROOT, BUILD_SCRIPT), "utf8"));
  if (!match?.[1]) throw new Error(`${BUILD_SCRIPT} sets no FERRETDB_VERSION`);
  return match[1];
})();

/** Where scripts/build-ferretdb.sh puts the binary. */
export function ferretdbBinaryPath(): string {
  const cache = process.env.VENDATA_CACHE || join(homedir(), ".cache/vendata");
  return join(cache, `ferretdb-${FERRETDB_VERSION}`, "ferretdb");
}

/** The binary, or an error naming the command that builds it (the tests fail, never skip). */
export function requireFerretDb(): string {
  const binary = ferretdbBinaryPath();
  if (!existsSync(binary)) throw new Error(`FerretDB ${FERRETDB_VERSION} is not built (${binary} is missing); build it with: bash ${BUILD_SCRIPT}`);
  return binary;
}

export interface FerretDbOptions {
  /** The user FerretDB creates at start (SCRAM-SHA-1 and SCRAM-SHA-256), in setupDatabase. */
  setupUser: string;
  setupPassword: string;
  setupDatabase: string;
  /** Answer hello as a member of this replica set (setName, hosts: its own address). */
  replSetName?: string;
  /** Listen on this port (default: a free one). */
  port?: number;
}

export interface FerretDb {
  readonly host: string;
  readonly port: number;
  /** host:port */
  readonly address: string;
  readonly process: RunningProcess;
  stop(): Promise<void>;
}

export async function startFerretDb(options: FerretDbOptions): Promise<FerretDb> {
  const binary = requireFerretDb();
  const host = "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  const dir = mkdtempSync(join(tmpdir(), "vendata-ferretdb-"));
  mkdirSync(join(dir, "data"));
  const args = [
    "--handler=sqlite",
    `--sqlite-url=file:${join(dir, "data")}/`,
    `--state-dir=${dir}`,
    `--listen-addr=${host}:${port}`,
    // No debug HTTP listener, no telemetry (these machines have no way out, and want none).
    "--debug-addr=-",
    "--telemetry=disable",
    // SCRAM authentication as mongod does it; without it FerretDB lets anyone in.
    "--test-enable-new-auth",
    `--setup-username=${options.setupUser}`,
    `--setup-password=${options.setupPassword}`,
    `--setup-database=${options.setupDatabase}`,
    "--log-level=warn",
    ...(options.replSetName ? [`--repl-set-name=${options.replSetName}`] : []),
  ];
  const running = startProcess(binary, args, { cwd: dir });
  try {
    await waitForPort(port, host, 20_000);
  } catch (error) {
    await running.stop();
    throw new Error(`FerretDB did not listen on ${host}:${port}: ${String(error)}\n${running.output()}`);
  }
  return {
    host,
    port,
    address: `${host}:${port}`,
    process: running,
    stop: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
