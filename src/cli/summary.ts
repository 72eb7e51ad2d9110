// A one-screen picture of a render: each workload with its replicas or autoscaling range.
import type { Rendered } from "../render/render.ts";

function workloadRows(r: Rendered): string[][] {
  const hpas = new Map(r.all("HorizontalPodAutoscaler").map((h) => [h.spec?.scaleTargetRef.name, h.spec]));
  const rows: string[][] = [];
  for (const kind of ["Deployment", "StatefulSet"] as const) {
    for (const w of r.all(kind)) {
      const hpa = hpas.get(w.metadata?.name);
      const replicas = hpa ? `HPA ${hpa.minReplicas ?? 1}-${hpa.maxReplicas}` : String(w.spec?.replicas ?? 1);
      const images = (w.spec?.template.spec?.containers ?? []).map((c) => c.image).join(", ");
      rows.push([kind, w.metadata?.name ?? "", replicas, images]);
    }
  }
  return rows;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function summarize(r: Rendered): string {
  const connections = r.all("ConfigMap").find((c) => c.metadata?.name?.endsWith("-connections"))?.data ?? {};
  const counts = new Map<string, number>();
  for (const o of r.objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const nginx = r.all("Service").find((s) => s.spec?.type === "LoadBalancer" || s.spec?.type === "NodePort");
  return [
    table(["KIND", "NAME", "REPLICAS", "IMAGES"], workloadRows(r)),
    "",
    `mongo hosts:  ${connections.MONGODB_HOSTS ?? "-"}${connections.MONGODB_REPLICA_SET ? ` (replica set ${connections.MONGODB_REPLICA_SET})` : ""}`,
    `redis:        ${connections.REDIS_MODE ?? "-"} ${connections.REDIS_URL ?? ""}`,
    `entry point:  ${nginx ? `${nginx.metadata?.name} (${nginx.spec?.type})` : "none (ClusterIP only)"}`,
    `objects:      ${[...counts].sort().map(([k, n]) => `${n} ${k}`).join(", ")}`,
  ].join("\n");
}
