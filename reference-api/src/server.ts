// The HTTP server: routes requests, turns errors into JSON, counts and times every
// request, logs one line per request (not the 2xx probes and scrapes), and drains.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HttpError, type Reply } from "./http.js";
import { log } from "./log.js";
import type { Metrics } from "./metrics.js";
import { matchRoute, type Route } from "./router.js";

export interface App {
  readonly server: Server;
  listen(port: number, host?: string): Promise<void>;
  /**
   * Stops accepting connections, lets requests in flight finish for up to graceMs
   * (then cuts the connections left), and resolves when the server is closed.
   */
  drain(graceMs: number): Promise<void>;
}

const QUIET_ROUTES = new Set(["/api/live", "/api/health", "/metrics"]);

export function createApp(routes: readonly Route[], metrics: Metrics): App {
  let draining = false;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://localhost");
    const match = matchRoute(routes, method, url.pathname);
    const label = match.kind === "none" ? "unmatched" : match.kind === "route" ? match.route.pattern : match.pattern;
    let reply: Reply;
    try {
      if (match.kind === "none") throw new HttpError(404, `no route for ${method} ${url.pathname}`);
      if (match.kind === "method-not-allowed") {
        response.setHeader("Allow", match.allow.join(", "));
        throw new HttpError(405, `${method} is not allowed on ${match.pattern}`);
      }
      reply = await match.route.handler({ raw: request, params: match.params, query: url.searchParams });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      reply = { status, body: { error: (error as Error).message } };
      if (status === 500) log({ msg: "request failed", method, path: url.pathname, error: (error as Error).stack });
    }
    // A request whose body was not read (an early 4xx) would leave bytes on the socket.
    if (!request.complete) response.setHeader("Connection", "close");
    if (draining) response.setHeader("Connection", "close");
    const body = reply.text ?? JSON.stringify(reply.body ?? null);
    response.writeHead(reply.status, { "Content-Type": reply.contentType ?? (reply.text === undefined ? "application/json" : "text/plain; charset=utf-8") });
    response.end(method === "HEAD" ? undefined : body);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.observe({ method, route: label, status: reply.status }, seconds);
    if (!(reply.status < 300 && QUIET_ROUTES.has(label))) {
      log({ msg: "request", method, path: url.pathname, route: label, status: reply.status, ms: Math.round(seconds * 1e4) / 10 });
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log({ msg: "response failed", error: String(error) });
      response.destroy();
    });
  });
  // Node's keepAliveTimeout (5 s) stays above nginx's upstream keepalive_timeout (4 s):
  // nginx, not the API, closes an idle connection, so it never reuses one being closed.

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      }),
    drain: (graceMs) => {
      draining = true;
      return new Promise((resolve) => {
        const cut = setTimeout(() => {
          log({ msg: "drain: grace period over, closing the connections left", graceMs });
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        // Idle keep-alive connections go now; busy ones after their response (Connection: close).
        server.closeIdleConnections();
      });
    },
  };
}
