import type { StatefulSet } from "kubernetes-types/apps/v1.js";
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";
import { jobConfig, podHost } from "./job-config.ts";

const mongod = (sts: StatefulSet) => sts.spec?.template.spec?.containers.find((c) => c.name === "mongod");
const apiHosts = (r: Rendered) => r.find("ConfigMap", "vendata-connections").data?.MONGODB_HOSTS?.split(",");
const localHosts = (r: Rendered, set: string) => jobConfig(r).sets.find((s) => s.name === set)?.members.filter((m) => m.local).map((m) => m.host);

describe.each(HELM_VERSIONS)("mongo on helm %i", (helm) => {
  it.each(PHASES.filter((p) => PHASE_TABLE[p].mongo === "standalone"))("%s runs one mongod, with auth and the keyFile, without a replica set", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const sts = r.find("StatefulSet", "vendata-mongo");
    expect(sts.spec?.replicas).toBe(1);
    expect(mongod(sts)?.args).toEqual(expect.arrayContaining(["--auth", "--keyFile=/etc/mongo/keyfile/keyfile"]));
    expect(mongod(sts)?.args?.some((a) => a.startsWith("--replSet"))).toBe(false);
    expect(apiHosts(r)).toEqual(["vendata-mongo.vendata.svc:27017"]);
    expect(r.find("Service", "vendata-mongo").spec?.selector).toEqual(sts.spec?.selector.matchLabels);
    expect(jobConfig(r).standalone).toBe(podHost("mongo", 0));
    expect(jobConfig(r).sets).toEqual([]);
  });

  it.each(PHASES.filter((p) => PHASE_TABLE[p].mongo === "replicaset"))("%s runs replica set rs0 whose 3 members, in the init config and the API's URI, are the headless DNS names", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const sts = r.find("StatefulSet", "vendata-mongo");
    expect(sts.spec?.replicas).toBe(3);
    expect(mongod(sts)?.args).toContain("--replSet=rs0");
    const members = [0, 1, 2].map((i) => podHost("mongo", i));
    expect(localHosts(r, "rs0")).toEqual(members);
    expect(apiHosts(r)).toEqual(members);
    const options = r.find("ConfigMap", "vendata-connections").data?.MONGODB_OPTIONS;
    expect(options).toContain("replicaSet=rs0");
    expect(options).toContain(`readPreference=${PHASE_TABLE[phase].readsFromSecondaries ? "secondaryPreferred" : "primary"}`);
    expect(r.maybe("Deployment", "vendata-mongo-mongos")).toBeUndefined();
  });

  it.each(PHASES.filter((p) => PHASE_TABLE[p].mongo === "sharded"))("%s runs a config replica set of 3, 2 shards of 3 and 2 mongos behind a Service", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const config = r.find("StatefulSet", "vendata-mongo-config");
    expect(config.spec?.replicas).toBe(3);
    expect(mongod(config)?.args).toEqual(expect.arrayContaining(["--configsvr", "--replSet=cfg", "--dbpath=/data/db"]));
    for (const shard of ["shard0", "shard1"]) {
      const sts = r.find("StatefulSet", `vendata-mongo-${shard}`);
      expect(sts.spec?.replicas).toBe(3);
      expect(mongod(sts)?.args).toEqual(expect.arrayContaining(["--shardsvr", `--replSet=${shard}`]));
      expect(localHosts(r, shard)).toHaveLength(3);
    }
    expect(r.maybe("StatefulSet", "vendata-mongo-shard2")).toBeUndefined();
    expect(r.maybe("StatefulSet", "vendata-mongo")).toBeUndefined();
    const mongos = r.find("Deployment", "vendata-mongo-mongos");
    expect(mongos.spec?.replicas).toBe(2);
    expect(mongos.spec?.template.spec?.containers[0]?.args).toContain(`--configdb=cfg/${localHosts(r, "cfg")?.join(",")}`);
    expect(r.find("Service", "vendata-mongo-mongos").spec?.selector).toEqual(mongos.spec?.selector.matchLabels);
    expect(apiHosts(r)).toEqual(["vendata-mongo-mongos.vendata.svc:27017"]);
    expect(r.find("ConfigMap", "vendata-connections").data?.MONGODB_OPTIONS).toContain("readPreference=secondaryPreferred");
  });

  it("grows rs0 to 5 members, everywhere at once", async () => {
    const r = await renderPhase("phase2", { helm, values: { mongo: { replicaSet: { replicas: 5 } } } });
    const members = [0, 1, 2, 3, 4].map((i) => podHost("mongo", i));
    expect(r.find("StatefulSet", "vendata-mongo").spec?.replicas).toBe(5);
    expect(localHosts(r, "rs0")).toEqual(members);
    expect(apiHosts(r)).toEqual(members);
    expect(r.find("PodDisruptionBudget", "vendata-mongo").spec?.maxUnavailable).toBe(1);
  });

  it("shrinks rs0 to 1 member, everywhere at once, without a PDB that would block drains", async () => {
    const r = await renderPhase("phase2", { helm, values: { mongo: { replicaSet: { replicas: 1 } } } });
    expect(r.find("StatefulSet", "vendata-mongo").spec?.replicas).toBe(1);
    expect(localHosts(r, "rs0")).toEqual([podHost("mongo", 0)]);
    expect(apiHosts(r)).toEqual([podHost("mongo", 0)]);
    expect(r.maybe("PodDisruptionBudget", "vendata-mongo")).toBeUndefined();
  });

  it("scales a sharded cluster to 3 shards of 5 and 3 mongos", async () => {
    const r = await renderPhase("phase4", { helm, values: { mongo: { sharded: { shards: 3, shardReplicas: 5, mongos: 3 }, members: { external: {} } } } });
    for (const shard of ["shard0", "shard1", "shard2"]) {
      expect(r.find("StatefulSet", `vendata-mongo-${shard}`).spec?.replicas).toBe(5);
      expect(localHosts(r, shard)).toHaveLength(5);
    }
    expect(r.find("Deployment", "vendata-mongo-mongos").spec?.replicas).toBe(3);
    expect(jobConfig(r).sets.map((s) => s.name)).toEqual(["cfg", "shard0", "shard1", "shard2"]);
  });

  it("keeps, from phase 1 to phase 2, every immutable field of StatefulSet vendata-mongo, so helm upgrade keeps pod 0's data", async () => {
    const [one, two] = await Promise.all([renderPhase("phase1", { helm }), renderPhase("phase2", { helm })]);
    const [a, b] = [one.find("StatefulSet", "vendata-mongo"), two.find("StatefulSet", "vendata-mongo")];
    for (const field of ["serviceName", "selector", "volumeClaimTemplates", "podManagementPolicy"] as const) {
      expect(b.spec?.[field], field).toEqual(a.spec?.[field]);
    }
    expect(a.spec?.volumeClaimTemplates?.map((t) => t.metadata?.name)).toEqual(["data"]);
    expect(mongod(b)?.volumeMounts).toEqual(mongod(a)?.volumeMounts);
    expect(mongod(b)?.args?.filter((arg) => !mongod(a)?.args?.includes(arg))).toEqual(["--replSet=rs0"]);
  });

  it.each(PHASES)("%s: every mongod StatefulSet starts its members together behind a headless Service that publishes not-ready addresses", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const statefulSets = r.all("StatefulSet").filter((s) => s.metadata?.name?.startsWith("vendata-mongo"));
    expect(statefulSets.length).toBeGreaterThan(0);
    for (const sts of statefulSets) {
      const service = r.find("Service", sts.spec!.serviceName!);
      expect(service.spec?.clusterIP).toBe("None");
      expect(service.spec?.publishNotReadyAddresses).toBe(true);
      expect(service.spec?.selector).toEqual(sts.spec?.selector.matchLabels);
      expect(sts.spec?.podManagementPolicy).toBe("Parallel");
    }
  });

  it.each(PHASES)("%s: every mongod and mongos gets the keyFile copied to memory with mode 0400 and mounted read-only", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const pods = [...r.all("StatefulSet"), ...r.all("Deployment")].filter((w) => /^vendata-mongo/.test(w.metadata?.name ?? ""));
    for (const w of pods) {
      const spec = w.spec!.template.spec!;
      const where = w.metadata?.name;
      const secret = spec.volumes?.find((v) => v.name === "keyfile-secret")?.secret;
      expect(secret?.items, where).toEqual([{ key: "MONGODB_KEYFILE", path: "keyfile" }]);
      expect(secret?.defaultMode, where).toBe(0o400);
      expect(spec.volumes?.find((v) => v.name === "keyfile")?.emptyDir?.medium, where).toBe("Memory");
      const copy = spec.initContainers?.find((c) => c.name === "keyfile");
      expect(copy?.command, where).toEqual(["install", "-m", "0400", "/etc/mongo/keyfile-secret/keyfile", "/etc/mongo/keyfile/keyfile"]);
      const server = spec.containers[0]!;
      expect(server.volumeMounts?.find((m) => m.name === "keyfile"), where).toEqual({ name: "keyfile", mountPath: "/etc/mongo/keyfile", readOnly: true });
      expect(server.volumeMounts?.some((m) => m.name === "keyfile-secret"), where).toBe(false);
      expect(server.args, where).toContain("--keyFile=/etc/mongo/keyfile/keyfile");
    }
  });

  it.each(PHASES)("%s: mongod is ready only as PRIMARY or SECONDARY, alive while it answers, and spread over zones and hosts", async (phase) => {
    const r = await renderPhase(phase, { helm });
    for (const sts of r.all("StatefulSet").filter((s) => s.metadata?.name?.startsWith("vendata-mongo"))) {
      const c = mongod(sts)!;
      expect(c.readinessProbe?.exec?.command?.at(-1)).toBe("/scripts/ready.js");
      expect(c.livenessProbe?.exec?.command?.at(-1)).toBe("/scripts/ping.js");
      expect(c.startupProbe?.exec?.command?.at(-1)).toBe("/scripts/ping.js");
      const keys = sts.spec?.template.spec?.topologySpreadConstraints?.map((t) => t.topologyKey);
      expect(keys).toEqual(["topology.kubernetes.io/zone", "kubernetes.io/hostname"]);
      if ((sts.spec?.replicas ?? 1) > 1) expect(r.find("PodDisruptionBudget", sts.metadata!.name!).spec?.maxUnavailable).toBe(1);
    }
  });

  it.each(PHASES)("%s never autoscales a database", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const targets = r.all("HorizontalPodAutoscaler").map((h) => h.spec?.scaleTargetRef.name);
    expect(targets.filter((t) => /mongo|redis/.test(t ?? ""))).toEqual([]);
  });
});
