import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";
import { renderNginxConf } from "./nginx-conf.ts";

describe("the frontend nginx sends / to", () => {
  it.each(PHASES)("%s deploys a small frontend Deployment and Service on 5173 and routes / to it", async (phase) => {
    const r = await renderPhase(phase);
    const deployment = r.find("Deployment", "vendata-frontend");
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe("vendata/frontend:1.0.0");
    expect(deployment.metadata?.labels?.["app.kubernetes.io/version"]).toBe("1.0.0");
    expect(r.find("Service", "vendata-frontend").spec?.ports).toEqual([{ name: "http", port: 5173, targetPort: "http", protocol: "TCP" }]);
    const many = (deployment.spec?.replicas ?? 1) > 1;
    expect(r.maybe("PodDisruptionBudget", "vendata-frontend") !== undefined).toBe(many);
    expect(r.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"]).toContain("server vendata-frontend.vendata.svc.cluster.local:5173 resolve;");
  });

  it("routes / to an external frontend when none is deployed", async () => {
    const values = { nginx: { frontend: { deploy: false, host: "web.vendata-web.svc.cluster.local", port: 3000 } } };
    const r = await renderPhase("phase2", { values });
    expect(r.maybe("Deployment", "vendata-frontend")).toBeUndefined();
    expect(r.maybe("Service", "vendata-frontend")).toBeUndefined();
    expect(await renderNginxConf("phase2", values.nginx)).toContain("server web.vendata-web.svc.cluster.local:3000 resolve;");
  });
});
