// Phase 4 across regions: one release per region; the home region (sa-east) manages every
// replica set and lists the us-east members, so one set spans both regions, and its own
// members have the higher priority so the primaries stay home.
import { describe, expect, it } from "vitest";
import { render } from "../../src/render/render.ts";
import { phaseValuesFiles } from "../../src/phases.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { FAKE_SECRETS, HELM_VERSIONS } from "../render.ts";
import { jobConfig } from "./job-config.ts";

const region = (name: string, helm: 3 | 4) => render({ valuesFiles: [...phaseValuesFiles("phase4", name), FAKE_SECRETS], releaseName: `vendata-${name}`, helm });

describe.each(HELM_VERSIONS)("phase 4 regions on helm %i", (helm) => {
  it.each(["sa-east", "us-east"])("%s's values break no rule of the toolkit", (name) => {
    expect(validateValuesFiles(phaseValuesFiles("phase4", name))).toEqual([]);
  });

  it("sa-east's sets hold its 3 members (priority 2) and us-east's 2 (priority 1): 5 votes each", async () => {
    const config = jobConfig(await region("sa-east", helm), "vendata-sa-east-mongo-scripts");
    expect(config.manage).toBe(true);
    expect(config.sets.map((s) => s.name)).toEqual(["cfg", "shard0", "shard1"]);
    for (const set of config.sets) {
      expect(set.members.map((m) => [m.local, m.priority, m.votes]), set.name).toEqual([
        [true, 2, 1],
        [true, 2, 1],
        [true, 2, 1],
        [false, 1, 1],
        [false, 1, 1],
      ]);
      expect(set.members.filter((m) => m.local).every((m) => m.host.includes(".sa-east.")), set.name).toBe(true);
    }
  });

  it("us-east's pods have exactly the names sa-east lists for them", async () => {
    const [home, other] = await Promise.all([region("sa-east", helm), region("us-east", helm)]);
    const listed = jobConfig(home, "vendata-sa-east-mongo-scripts").sets.map((s) => [s.name, s.members.filter((m) => !m.local).map((m) => m.host)]);
    const own = jobConfig(other, "vendata-us-east-mongo-scripts").sets.map((s) => [s.name, s.members.map((m) => m.host)]);
    expect(own).toEqual(listed);
  });

  it("us-east initiates nothing, creates no users, indexes or backups, and reads from the nearest member", async () => {
    const r = await region("us-east", helm);
    expect(r.all("Job").filter((j) => j.metadata?.name?.includes("mongo"))).toEqual([]);
    expect(r.maybe("CronJob", "vendata-us-east-mongo-backup")).toBeUndefined();
    expect(r.find("StatefulSet", "vendata-us-east-mongo-shard0").spec?.replicas).toBe(2);
    expect(r.find("ConfigMap", "vendata-us-east-connections").data?.MONGODB_OPTIONS).toContain("readPreference=nearest");
    expect(r.find("Deployment", "vendata-us-east-mongo-mongos").spec?.template.spec?.containers[0]?.args).toContain(
      "--configdb=cfg/vendata-us-east-mongo-config-0.us-east.vendata-us-east-mongo-config-headless.vendata.svc.clusterset.local:27017,vendata-us-east-mongo-config-1.us-east.vendata-us-east-mongo-config-headless.vendata.svc.clusterset.local:27017",
    );
  });
});
