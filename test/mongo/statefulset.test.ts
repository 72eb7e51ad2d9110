import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const member = (component: string, i: number) => `vendata-${component}-${i}.vendata-${component}-headless.vendata.svc:27017`;

describe.each(HELM_VERSIONS)("mongo on helm %i", (helm) => {
  it.each(PHASES.filter((p) => PHASE_TABLE[p].mongo === "standalone"))("%s runs one mongod without a replica set", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const sts = r.find("StatefulSet", "vendata-mongo");
    expect(sts.spec?.replicas).toBe(1);
    expect(sts.spec?.template.spec?.containers[0]?.args?.some((a) => a.startsWith("--replSet"))).toBe(false);
    expect(r.find("ConfigMap", "vendata-connections").data?.MONGODB_HOSTS).toBe("vendata-mongo.vendata.svc:27017");
  });

  it.each(PHASES.filter((p) => PHASE_TABLE[p].mongo === "replicaset"))("%s runs replica set rs0 with 3 members the API names", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const sts = r.find("StatefulSet", "vendata-mongo");
    expect(sts.spec?.replicas).toBe(3);
    expect(sts.spec?.template.spec?.containers[0]?.args).toContain("--replSet=rs0");
    const connections = r.find("ConfigMap", "vendata-connections").data ?? {};
    expect(connections.MONGODB_HOSTS?.split(",")).toEqual([0, 1, 2].map((i) => member("mongo", i)));
    expect(connections.MONGODB_OPTIONS).toContain("replicaSet=rs0");
    const readPreference = PHASE_TABLE[phase].readsFromSecondaries ? "secondaryPreferred" : "primary";
    expect(connections.MONGODB_OPTIONS).toContain(`readPreference=${readPreference}`);
  });

  it.each(PHASES.filter((p) => PHASE_TABLE[p].mongo === "sharded"))("%s runs config servers, 2 shards of 3 and 2 mongos", async (phase) => {
    const r = await renderPhase(phase, { helm });
    expect(r.find("StatefulSet", "vendata-mongo-config").spec?.replicas).toBe(3);
    expect(r.find("StatefulSet", "vendata-mongo-config").spec?.template.spec?.containers[0]?.args).toContain("--configsvr");
    for (const shard of ["shard0", "shard1"]) {
      const sts = r.find("StatefulSet", `vendata-mongo-${shard}`);
      expect(sts.spec?.replicas).toBe(3);
      expect(sts.spec?.template.spec?.containers[0]?.args).toEqual(expect.arrayContaining(["--shardsvr", `--replSet=${shard}`]));
    }
    expect(r.maybe("StatefulSet", "vendata-mongo-shard2")).toBeUndefined();
    expect(r.maybe("StatefulSet", "vendata-mongo")).toBeUndefined();
    const mongos = r.find("Deployment", "vendata-mongo-mongos");
    expect(mongos.spec?.replicas).toBe(2);
    expect(mongos.spec?.template.spec?.containers[0]?.args).toContain(`--configdb=cfg/${[0, 1, 2].map((i) => member("mongo-config", i)).join(",")}`);
    expect(r.find("ConfigMap", "vendata-connections").data?.MONGODB_HOSTS).toBe("vendata-mongo-mongos.vendata.svc:27017");
  });

  it.each(PHASES)("%s never autoscales a database", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const targets = r.all("HorizontalPodAutoscaler").map((h) => h.spec?.scaleTargetRef.name);
    expect(targets.filter((t) => /mongo|redis/.test(t ?? ""))).toEqual([]);
  });
});
