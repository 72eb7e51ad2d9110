// The phase table of DESIGN.md as data: what each phase must deploy.
import { expect } from "vitest";
import type { Phase } from "../src/phases.ts";
import type { Rendered } from "../src/render/render.ts";

export interface PhaseFacts {
  api: { replicas: number } | { hpa: [min: number, max: number] };
  nginx: { replicas: number } | { hpa: [min: number, max: number] };
  nginxService: "NodePort" | "LoadBalancer";
  behindCdn: boolean;
  mongo: "standalone" | "replicaset" | "sharded";
  readsFromSecondaries: boolean;
  redis: "standalone" | "sentinel" | "cluster";
  monitoring: { prometheus: number; grafana: number } | null;
}

export const PHASE_TABLE: Record<Phase, PhaseFacts> = {
  phase1: { api: { replicas: 1 }, nginx: { replicas: 1 }, nginxService: "NodePort", behindCdn: false, mongo: "standalone", readsFromSecondaries: false, redis: "standalone", monitoring: null },
  phase2: { api: { replicas: 3 }, nginx: { replicas: 3 }, nginxService: "LoadBalancer", behindCdn: false, mongo: "replicaset", readsFromSecondaries: false, redis: "sentinel", monitoring: { prometheus: 1, grafana: 1 } },
  phase3: { api: { hpa: [10, 20] }, nginx: { replicas: 5 }, nginxService: "LoadBalancer", behindCdn: true, mongo: "replicaset", readsFromSecondaries: true, redis: "cluster", monitoring: { prometheus: 2, grafana: 2 } },
  phase4: { api: { hpa: [50, 100] }, nginx: { hpa: [10, 40] }, nginxService: "LoadBalancer", behindCdn: true, mongo: "sharded", readsFromSecondaries: true, redis: "cluster", monitoring: { prometheus: 2, grafana: 2 } },
};

/** A Deployment runs the replicas the table says, or an HPA owns it (and spec.replicas is absent). */
export function expectReplicasOrHpa(r: Rendered, name: string, expected: PhaseFacts["api"]): void {
  const deployment = r.find("Deployment", name);
  const hpa = r.maybe("HorizontalPodAutoscaler", name);
  if ("replicas" in expected) {
    expect(deployment.spec?.replicas).toBe(expected.replicas);
    expect(hpa).toBeUndefined();
  } else {
    // An HPA owns the count: spec.replicas would fight it on every upgrade.
    expect(deployment.spec).not.toHaveProperty("replicas");
    expect(hpa?.spec?.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name });
    expect([hpa?.spec?.minReplicas, hpa?.spec?.maxReplicas]).toEqual(expected.hpa);
  }
}
