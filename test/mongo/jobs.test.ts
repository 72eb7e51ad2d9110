// The Jobs that bring mongo to what the values describe: init (every revision, not a
// hook, so `helm install --wait` is not deadlocked), the pre-upgrade scale-down hook and
// the index hook; none in a region that does not manage its sets.
import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";
import { jobConfig } from "./job-config.ts";

const container = (job: Job) => job.spec!.template.spec!.containers[0]!;
const secretKeys = (job: Job) => (container(job).env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef.key] : []));
const hook = (job: Job) => job.metadata?.annotations?.["helm.sh/hook"];

describe.each(HELM_VERSIONS)("mongo Jobs on helm %i", (helm) => {
  it.each(PHASES)("%s runs init.js in a Job named for the revision, which is no hook", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const init = r.find("Job", "vendata-mongo-init-1");
    expect(hook(init)).toBeUndefined();
    expect(container(init).command).toEqual(["mongosh", "--nodb", "--norc", "--quiet", "/scripts/init.js"]);
    expect(secretKeys(init)).toEqual(["MONGODB_ROOT_PASSWORD", "MONGODB_PASSWORD", "MONGODB_METRICS_PASSWORD", "MONGODB_KEYFILE", "MONGODB_BACKUP_PASSWORD"]);
    expect(jobConfig(r)).toMatchObject({ metricsUser: "metrics", backupUser: "backup" });
    expect(init.spec?.template.spec?.volumes?.find((v) => v.name === "scripts")?.configMap?.name).toBe("vendata-mongo-scripts");
  });

  it.each(PHASES.filter((p) => p !== "phase1"))("%s removes departing members in a pre-upgrade hook that brings its own scripts", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const job = r.find("Job", "vendata-mongo-scale-down");
    const configMap = r.find("ConfigMap", "vendata-mongo-scale-down");
    expect(hook(job)).toBe("pre-upgrade");
    expect(configMap.metadata?.annotations?.["helm.sh/hook"]).toBe("pre-upgrade");
    expect(Number(configMap.metadata?.annotations?.["helm.sh/hook-weight"])).toBeLessThan(Number(job.metadata?.annotations?.["helm.sh/hook-weight"]));
    expect(configMap.data).toEqual(r.find("ConfigMap", "vendata-mongo-scripts").data);
    expect(container(job).command?.at(-1)).toBe("/scripts/scale-down.js");
    expect(secretKeys(job)).toEqual(["MONGODB_KEYFILE"]);
  });

  it("creates no backup user, and reads no backup password, when the backup is off", async () => {
    const r = await renderPhase("phase2", { helm, values: { mongo: { backup: { enabled: false } } } });
    expect(secretKeys(r.find("Job", "vendata-mongo-init-1"))).not.toContain("MONGODB_BACKUP_PASSWORD");
    expect(jobConfig(r).backupUser).toBe("");
    expect(r.maybe("CronJob", "vendata-mongo-backup")).toBeUndefined();
  });

  it("has nothing to scale down on a standalone", async () => {
    expect((await renderPhase("phase1", { helm })).maybe("Job", "vendata-mongo-scale-down")).toBeUndefined();
  });

  it.each(PHASES)("%s creates users.email (unique), users.role and orders {userId: 1, createdAt: -1} in a post-install/upgrade hook, as the application user", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const job = r.find("Job", "vendata-mongo-indexes");
    expect(hook(job)).toBe("post-install,post-upgrade");
    expect(secretKeys(job)).toEqual(["MONGODB_PASSWORD"]);
    const config = jobConfig(r);
    expect(config.indexes).toEqual([
      { collection: "users", keys: [{ field: "email", order: 1 }], options: { unique: true } },
      { collection: "users", keys: [{ field: "role", order: 1 }] },
      { collection: "orders", keys: [{ field: "userId", order: 1 }, { field: "createdAt", order: -1 }] },
    ]);
    const connections = r.find("ConfigMap", "vendata-connections").data!;
    expect(config.app.hosts.join(",")).toBe(connections.MONGODB_HOSTS);
    expect(config.app.options).toBe(connections.MONGODB_OPTIONS);
    expect(config.appUser).toBe(connections.MONGODB_USERNAME);
    expect(config.database).toBe("vendata_prod");
  });

  it("shards vendata_prod.orders on a hashed userId by default, and the collections the values name", async () => {
    expect(jobConfig(await renderPhase("phase4", { helm })).shardedCollections).toEqual([{ name: "orders", key: [{ field: "userId", order: "hashed" }] }]);
    const r = await renderPhase("phase4", { helm, values: { mongo: { sharded: { collections: [{ name: "events", key: [{ field: "tenant", order: 1 }, { field: "at", order: 1 }] }] } } } });
    expect(jobConfig(r).shardedCollections.map((c) => c.name)).toEqual(["events"]);
    expect(jobConfig(r).mongos).toBe("vendata-mongo-mongos.vendata.svc:27017");
  });

  it("runs no init, scale-down, index or backup Job in a release that does not manage its sets", async () => {
    const r = await renderPhase("phase2", { helm, values: { mongo: { members: { manage: false } }, global: { networkPolicy: { peerRegionCidrs: ["10.10.0.0/16"] } } } });
    expect(r.all("Job").filter((j) => j.metadata?.name?.startsWith("vendata-mongo"))).toEqual([]);
    expect(r.maybe("CronJob", "vendata-mongo-backup")).toBeUndefined();
    expect(r.find("StatefulSet", "vendata-mongo").spec?.replicas).toBe(3);
  });
});
