// GET /metrics: the registry in Prometheus' text format.
import type { Metrics } from "../metrics.js";
import { route, type Route } from "../router.js";

export function metricsRoutes(metrics: Metrics): Route[] {
  return [route("GET", "/metrics", async () => ({ status: 200, text: await metrics.registry.metrics(), contentType: metrics.registry.contentType }))];
}
