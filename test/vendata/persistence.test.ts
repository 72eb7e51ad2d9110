// The data volumes of Mongo's members, Redis and Prometheus come from the library's
// vendata.persistence helpers: a claim per pod (global.defaultStorageClass unless the
// component names its own), an existing claim for a single pod, or an emptyDir.
// Refusals (an existing claim for several pods): the charts' refusal tables.
import type { StatefulSet } from "kubernetes-types/apps/v1.js";
import { describe, expect, it } from "vitest";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

// The StatefulSets with a data volume, and where their persistence values are.
const VOLUMES = [
  { statefulSet: "vendata-mongo", values: (persistence: object) => ({ mongo: { persistence } }) },
  { statefulSet: "vendata-redis", values: (persistence: object) => ({ redis: { persistence } }) },
  { statefulSet: "vendata-prometheus", values: (persistence: object) => ({ monitoring: { prometheus: { persistence } } }) },
];

const claim = (s: StatefulSet) => s.spec?.volumeClaimTemplates?.find((c) => c.metadata?.name === "data");
const dataVolume = (s: StatefulSet) => s.spec?.template.spec?.volumes?.find((v) => v.name === "data");
const mountsData = (s: StatefulSet) => s.spec?.template.spec?.containers.some((c) => c.volumeMounts?.some((m) => m.name === "data"));

describe("persistence (phase 2)", () => {
  it("claims every volume from global.defaultStorageClass, the backup's too, unless the component names its own", async () => {
    const r = await renderPhase("phase2", {
      values: { global: { defaultStorageClass: "fast-ssd" }, redis: { persistence: { storageClass: "redis-class" } }, mongo: { backup: { target: "volume" } } },
    });
    expect(claim(r.find("StatefulSet", "vendata-mongo"))?.spec?.storageClassName).toBe("fast-ssd");
    expect(claim(r.find("StatefulSet", "vendata-prometheus"))?.spec?.storageClassName).toBe("fast-ssd");
    expect(claim(r.find("StatefulSet", "vendata-redis"))?.spec?.storageClassName).toBe("redis-class");
    expect(r.find("PersistentVolumeClaim", "vendata-mongo-backup").spec?.storageClassName).toBe("fast-ssd");
  });

  it("leaves the StorageClass to the cluster's default when neither is set", async () => {
    const r = await renderPhase("phase2");
    for (const { statefulSet } of VOLUMES) expect(claim(r.find("StatefulSet", statefulSet))?.spec, statefulSet).not.toHaveProperty("storageClassName");
  });

  it.each(VOLUMES)("$statefulSet: carries accessModes and annotations onto its claim template", async ({ statefulSet, values }) => {
    const r = await renderPhase("phase2", { values: values({ accessModes: ["ReadWriteOncePod"], annotations: { "backup.example/policy": "daily" } }) });
    const template = claim(r.find("StatefulSet", statefulSet));
    expect(template?.spec?.accessModes).toEqual(["ReadWriteOncePod"]);
    expect(template?.metadata?.annotations).toEqual({ "backup.example/policy": "daily" });
  });

  it.each(VOLUMES)("$statefulSet: runs on an emptyDir, with no claim, when persistence.enabled is false", async ({ statefulSet, values }) => {
    const s = (await renderPhase("phase2", { values: values({ enabled: false }) })).find("StatefulSet", statefulSet);
    expect(s.spec?.volumeClaimTemplates).toBeUndefined();
    expect(dataVolume(s)).toEqual({ name: "data", emptyDir: {} });
    expect(mountsData(s)).toBe(true);
  });
});

describe("persistence.existingClaim", () => {
  it.each(VOLUMES)("$statefulSet: mounts the claim instead of a template for its single pod", async ({ statefulSet, values }) => {
    // Phase 1 runs one Mongo and one Redis pod; Prometheus has one replica in phase 2.
    const phase = statefulSet === "vendata-prometheus" ? "phase2" : "phase1";
    const s = (await renderPhase(phase, { values: values({ existingClaim: "my-data" }) })).find("StatefulSet", statefulSet);
    expect(s.spec?.replicas).toBe(1);
    expect(s.spec?.volumeClaimTemplates).toBeUndefined();
    expect(dataVolume(s)).toEqual({ name: "data", persistentVolumeClaim: { claimName: "my-data" } });
    expect(mountsData(s)).toBe(true);
  });

  it("is ignored, as documented, when persistence.enabled is false", async () => {
    const s = (await renderPhase("phase2", { values: { redis: { persistence: { enabled: false, existingClaim: "my-data" } } } })).find("StatefulSet", "vendata-redis");
    expect(dataVolume(s)).toEqual({ name: "data", emptyDir: {} });
  });
});

describe("global", () => {
  // A parent chart sets globals of its own (Bitnami's storageClass, anything else).
  const values = { global: { storageClass: "parent-class", parentChart: { anything: ["goes"] } } };

  it.each(HELM_VERSIONS)("takes keys it does not know on helm %i, and reads none of them", async (helm) => {
    const r = await renderPhase("phase2", { helm, values });
    expect(claim(r.find("StatefulSet", "vendata-mongo"))?.spec).not.toHaveProperty("storageClassName");
  });

  it("takes keys it does not know in the toolkit", () => {
    expect(toolkitErrors("phase2", values)).toEqual([]);
  });

  it.each(HELM_VERSIONS)("still types the keys it knows on helm %i", async (helm) => {
    expect(await helmError(renderPhase("phase2", { helm, values: { global: { defaultStorageClass: 3 } } }))).toMatch(/defaultStorageClass/);
  });
});
