// A steady load through nginx from outside the cluster: a few workers, each sending one
// request after another, every request on a new HTTPS connection (a kept-alive
// connection to a pod that is going away would measure the client, not the stack).
import { request as httpsRequest } from "node:https";

export interface Outcome {
  readonly at: number;
  readonly path: string;
  /** The HTTP status, or 0 when no answer came (the error in `error`). */
  readonly status: number;
  readonly body: string;
  readonly error?: string;
}

export interface Load {
  /** Stops the workers and resolves to every request's outcome, in order of completion. */
  stop(): Promise<Outcome[]>;
}

/** One request on a new connection; resolves (never rejects) to its outcome. */
export function send(baseUrl: string, method: string, path: string, body?: unknown): Promise<Outcome> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = httpsRequest(`${baseUrl}${path}`, {
      method,
      rejectUnauthorized: false,
      agent: false,
      timeout: 10_000,
      headers: payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {},
    }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ at: Date.now(), path, status: res.statusCode ?? 0, body: text }));
    });
    req.on("timeout", () => req.destroy(new Error("timed out after 10 s")));
    req.on("error", (error) => resolve({ at: Date.now(), path, status: 0, body: "", error: error.message }));
    req.end(payload);
  });
}

/** `workers` loops, each sending what `next(worker, n)` returns, until stopped. */
export function startLoad(baseUrl: string, workers: number, next: (worker: number, n: number) => { method: string; path: string; body?: unknown }): Load {
  const outcomes: Outcome[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let n = 0; running; n++) {
      const { method, path, body } = next(worker, n);
      outcomes.push(await send(baseUrl, method, path, body));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** The requests that got no answer or a 5xx. */
export function failures(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.filter((o) => o.status === 0 || o.status >= 500);
}
