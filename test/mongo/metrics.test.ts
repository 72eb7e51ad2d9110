// Every mongod and mongos pod carries a MongoDB exporter that Prometheus' kubernetes-pods
// job scrapes through the prometheus.io annotations.
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";

describe("mongo metrics", () => {
  it.each(PHASES)("%s: every mongod and mongos pod runs the exporter on the annotated port", async (phase) => {
    const r = await renderPhase(phase);
    const workloads = [...r.all("StatefulSet"), ...r.all("Deployment")].filter((w) => /^vendata-mongo/.test(w.metadata?.name ?? ""));
    expect(workloads.length).toBeGreaterThan(0);
    for (const w of workloads) {
      const where = w.metadata?.name;
      const annotations = w.spec!.template.metadata?.annotations ?? {};
      expect(annotations["prometheus.io/scrape"], where).toBe("true");
      expect(annotations["prometheus.io/path"], where).toBe("/metrics");
      const exporter = w.spec!.template.spec!.containers.find((c) => c.name === "metrics");
      expect(exporter?.image, where).toBe("percona/mongodb_exporter:0.47.0");
      expect(exporter?.ports?.map((p) => String(p.containerPort)), where).toEqual([annotations["prometheus.io/port"]]);
      expect(exporter?.args, where).toContain("--mongodb.direct-connect");
      const env = exporter?.env ?? [];
      // Its own user (clusterMonitor, read on local), never root.
      expect(env.map((e) => e.name), where).toEqual(["MONGODB_METRICS_PASSWORD", "MONGODB_URI"]);
      expect(env[0]?.valueFrom?.secretKeyRef, where).toEqual({ name: "vendata-secrets", key: "MONGODB_METRICS_PASSWORD" });
      expect(env[1]?.value, where).toBe("mongodb://metrics:$(MONGODB_METRICS_PASSWORD)@127.0.0.1:27017/admin");
      expect(JSON.stringify(exporter), where).not.toContain("MONGODB_ROOT_PASSWORD");
    }
  });

  it("leaves the exporter and the annotations out when metrics are off", async () => {
    const r = await renderPhase("phase2", { values: { mongo: { metrics: { enabled: false } } } });
    const pod = r.find("StatefulSet", "vendata-mongo").spec!.template;
    expect(pod.spec?.containers.map((c) => c.name)).toEqual(["mongod"]);
    expect(pod.metadata?.annotations?.["prometheus.io/scrape"]).toBeUndefined();
  });
});
