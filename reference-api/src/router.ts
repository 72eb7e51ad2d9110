// Routes as "METHOD /path/:param" patterns; the pattern is also the metrics label.
import type { IncomingMessage } from "node:http";
import type { Reply } from "./http.js";

export interface RouteRequest {
  raw: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface Route {
  method: string;
  pattern: string;
  handler: (request: RouteRequest) => Promise<Reply>;
}

export type Match =
  | { kind: "route"; route: Route; params: Record<string, string> }
  | { kind: "method-not-allowed"; pattern: string; allow: string[] }
  | { kind: "none" };

export function route(method: string, pattern: string, handler: Route["handler"]): Route {
  return { method, pattern, handler };
}

export function matchRoute(routes: readonly Route[], method: string, path: string): Match {
  const allow: string[] = [];
  let allowPattern = "";
  for (const candidate of routes) {
    const params = matchPattern(candidate.pattern, path);
    if (!params) continue;
    if (candidate.method === method || (method === "HEAD" && candidate.method === "GET")) return { kind: "route", route: candidate, params };
    allow.push(candidate.method);
    allowPattern = candidate.pattern;
  }
  return allow.length > 0 ? { kind: "method-not-allowed", pattern: allowPattern, allow } : { kind: "none" };
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    if (w.startsWith(":")) {
      if (g === "") return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
}
