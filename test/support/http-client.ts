// HTTP(S) clients for tests against a local server: each has its own source address (a
// "client" or a CDN edge on a loopback address) and keeps its connections alive.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ClientOptions {
  scheme: "http" | "https";
  port: number;
  /** Source address of the connections (a loopback address). */
  localAddress: string;
  /** Host header and TLS server name. */
  host: string;
  /** Certificate to trust (https). */
  ca?: string;
  maxSockets?: number;
}

export class Client {
  private readonly agent: HttpAgent;

  constructor(private readonly options: ClientOptions) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 16, localAddress: options.localAddress };
    this.agent = options.scheme === "https" ? new HttpsAgent({ ...agentOptions, ca: options.ca, servername: options.host }) : new HttpAgent(agentOptions);
  }

  request(method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer } = {}): Promise<Reply> {
    const send = this.options.scheme === "https" ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        {
          host: "127.0.0.1",
          port: this.options.port,
          method,
          path,
          agent: this.agent,
          headers: { host: this.options.host, ...options.headers },
          ...(this.options.scheme === "https" ? { servername: this.options.host } : {}),
        },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(options.body);
    });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request("GET", path, { headers });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Calls send(i) `ratePerSecond` times a second for `durationMs`, on schedule whether or
 * not earlier calls have answered, and returns every result in order (an error's message
 * for a request that failed outright).
 */
export async function paced<T>(ratePerSecond: number, durationMs: number, send: (i: number) => Promise<T>): Promise<(T | string)[]> {
  const count = Math.round((ratePerSecond * durationMs) / 1000);
  const started = Date.now();
  const pending: Promise<T | string>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i).catch((error: Error) => `error: ${error.message}`));
  }
  return Promise.all(pending);
}
