// nameOverride and fullnameOverride of the mongo, redis, nginx and monitoring charts: their
// objects' names change, their peers find them under the new names, their labels (and so
// every selector) do not change.
import { describe, expect, it } from "vitest";
import { renderPhase } from "../render.ts";

const overrides = { mongo: { fullnameOverride: "db" }, redis: { nameOverride: "cache" }, nginx: { fullnameOverride: "edge" }, monitoring: { fullnameOverride: "mon" } };
const rendered = () => renderPhase("phase3", { values: overrides });

describe("name overrides", () => {
  it("rename each chart's objects: fullnameOverride replaces <release>-<chart>, nameOverride the chart's name", async () => {
    const r = await rendered();
    expect(r.find("StatefulSet", "db").spec?.serviceName).toBe("db-headless");
    expect(r.maybe("ConfigMap", "db-scripts")).toBeDefined();
    expect(r.maybe("CronJob", "db-backup")).toBeDefined();
    expect(r.find("StatefulSet", "vendata-cache").spec?.serviceName).toBe("vendata-cache-headless");
    expect(r.maybe("Job", "vendata-cache-cluster-create-1")).toBeDefined();
    expect(r.maybe("Service", "edge")).toBeDefined();
    expect(r.maybe("StatefulSet", "mon-prometheus")).toBeDefined();
    expect(r.maybe("ClusterRole", "vendata-mon-prometheus")).toBeDefined();
    expect(r.inventory().filter((id) => /\/vendata-(mongo|redis|nginx|prometheus|grafana)/.test(id))).toEqual([]);
  });

  it("keep the components' labels, so selectors are what they were", async () => {
    const r = await rendered();
    expect(r.find("StatefulSet", "db").spec?.selector.matchLabels).toEqual({ "app.kubernetes.io/name": "mongo", "app.kubernetes.io/instance": "vendata" });
    expect(r.find("Service", "edge").spec?.selector).toEqual({ "app.kubernetes.io/name": "nginx", "app.kubernetes.io/instance": "vendata" });
  });

  it("are followed by the peers: the API's connections, the mongo members and the helm test", async () => {
    const r = await rendered();
    const connections = r.find("ConfigMap", "vendata-connections").data ?? {};
    expect(connections.MONGODB_HOSTS).toBe(["db-0", "db-1", "db-2"].map((pod) => `${pod}.db-headless.vendata.svc:27017`).join(","));
    expect(connections.REDIS_CLUSTER_NODES?.split(",")[0]).toBe("vendata-cache-0.vendata-cache-headless.vendata.svc:6379");
    expect(r.find("ConfigMap", "db-scripts").data?.["config.json"]).toContain('"host": "db-0.db-headless.vendata.svc:27017"');
    const check = r.find("Pod", "vendata-test-request-path").spec?.containers[0]?.args?.join(" ");
    expect(check).toContain("https://edge.vendata.svc/api/health");
  });
});
