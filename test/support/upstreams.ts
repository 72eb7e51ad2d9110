// Starts upstream-server.ts processes (stand-ins for API pods and the frontend) on
// loopback addresses, and waits until each one listens.
import { REPO_ROOT } from "../../src/paths.ts";
import { startProcess, waitForPort, type RunningProcess } from "./process.ts";

export interface Upstream extends RunningProcess {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export async function startUpstream(name: string, host: string, port: number, delayMs = 0): Promise<Upstream> {
  const proc = startProcess(process.execPath, ["--import", "tsx", "test/support/upstream-server.ts", name, host, String(port), String(delayMs)], { cwd: REPO_ROOT });
  try {
    await waitForPort(port, host);
  } catch (error) {
    await proc.kill();
    throw new Error(`upstream ${name} did not start: ${(error as Error).message}\n${proc.output()}`);
  }
  return { ...proc, name, host, port };
}
