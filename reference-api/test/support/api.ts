// The reference API as the image runs it (node dist/main.js, built by the global setup)
// with exactly the environment given, plus PORT, on 127.0.0.1. Stopped by PID.
import { fileURLToPath } from "node:url";
import { freePort, startProcess, waitFor, type RunningProcess } from "../../../test/support/process.ts";

export const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export interface Api {
  readonly url: string;
  readonly port: number;
  readonly process: RunningProcess;
  /** The exit code, once the process has exited. */
  exited(): Promise<number | null>;
  stop(): Promise<void>;
}

export async function startApi(env: Readonly<Record<string, string>>): Promise<Api> {
  const port = await freePort();
  const running = startProcess(process.execPath, [MAIN], { env: { ...env, PORT: String(port) } });
  const exit = new Promise<number | null>((resolve) => {
    if (running.child.exitCode !== null) resolve(running.child.exitCode);
    else running.child.once("exit", (code) => resolve(code));
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      "the API to serve /api/live",
      async () => {
        if (running.child.exitCode !== null) throw new Error(`the API exited with ${running.child.exitCode}`);
        return (await fetch(`${url}/api/live`)).ok ? true : undefined;
      },
      15_000,
    );
  } catch (error) {
    await running.stop();
    throw new Error(`${String(error)}\n${running.output()}`);
  }
  return { url, port, process: running, exited: () => exit, stop: () => running.stop(15_000) };
}

/** Runs the API to its exit (a bad environment) and returns its code and output. */
export async function runApiToExit(env: Readonly<Record<string, string>>, timeoutMs = 10_000): Promise<{ code: number | null; output: string }> {
  const running = startProcess(process.execPath, [MAIN], { env: { ...env } });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      void running.kill();
      reject(new Error(`the API still runs after ${timeoutMs} ms:\n${running.output()}`));
    }, timeoutMs);
    running.child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  // Let the pipes drain.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, output: running.output() };
}

export async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`not JSON (${response.status}): ${text}`);
  }
}
