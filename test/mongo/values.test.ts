// Bad mongo values are refused by the chart (Helm's error) and by the toolkit
// (validateValuesFiles) with the same message, naming the key and the rule.
import { describe, expect, it } from "vitest";
import type { Phase } from "../../src/phases.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const cases: { rule: string; phase: Phase; values: object; message: string }[] = [
  {
    rule: "an even number of voting members",
    phase: "phase2",
    values: { mongo: { replicaSet: { replicas: 4 } } },
    message: "mongo.replicaSet.replicas: replica set rs0 has 4 voting members; it must be odd so a majority survives a split (votes in mongo.members.overrides and mongo.members.external.rs0 count too)",
  },
  {
    rule: "an even shard once an external member joins it",
    phase: "phase4",
    values: { mongo: { members: { external: { shard1: [{ host: "far-0.example.invalid:27017" }] } } } },
    message: "mongo.sharded.shardReplicas: replica set shard1 has 4 voting members; it must be odd so a majority survives a split (votes in mongo.members.overrides and mongo.members.external.shard1 count too)",
  },
  {
    rule: "a hidden member with a priority",
    phase: "phase2",
    values: { mongo: { members: { overrides: [{ index: 2, hidden: true, priority: 1 }] } } },
    message: "mongo.members.overrides[0]: a hidden or non-voting member must have priority 0",
  },
  {
    rule: "a non-voting external member with a priority",
    phase: "phase2",
    values: {
      mongo: { members: { external: { rs0: [{ host: "far-0.example.invalid:27017", votes: 0, priority: 2 }, { host: "far-1.example.invalid:27017", votes: 0 }] } } },
      global: { networkPolicy: { peerRegionCidrs: ["10.20.0.0/16"] } },
    },
    message: "mongo.members.external.rs0[0]: a hidden or non-voting member must have priority 0",
  },
  {
    rule: "no member that can become primary",
    phase: "phase2",
    values: { mongo: { members: { priority: 0 } } },
    message: "mongo.members: replica set rs0 has no member that can become primary (one needs votes 1 and priority above 0)",
  },
  {
    rule: "backups to S3 without a bucket",
    phase: "phase3",
    values: { mongo: { backup: { target: "s3", s3: { existingSecret: "backup-s3" } } } },
    message: "mongo.backup.s3.bucket is required when mongo.backup.target is s3",
  },
  {
    rule: "backups to S3 with neither static keys nor a ServiceAccount",
    phase: "phase3",
    values: { mongo: { backup: { target: "s3", s3: { bucket: "vendata-backups" } } } },
    message: "mongo.backup.s3.existingSecret (static keys) or mongo.jobs.serviceAccount (create or name: an identity such as IRSA or Workload Identity) is required when mongo.backup.target is s3",
  },
  {
    rule: "an unmasked /proc in the mongod containers",
    phase: "phase2",
    values: { mongo: { members: { containerSecurityContext: { procMount: "Unmasked" } } } },
    message: "mongo.members.containerSecurityContext.procMount (Unmasked): only Default breaks the restricted Pod Security Standard; set mongo.members.allowUnrestricted: true to allow it (the namespace must admit such pods)",
  },
  {
    rule: "a host port on a mongos sidecar",
    phase: "phase4",
    values: { mongo: { mongos: { sidecars: [{ name: "proxy", image: "proxy:1.0", ports: [{ containerPort: 8080, hostPort: 8080 }] }] } } },
    message: "mongo.mongos.sidecars[0].ports: hostPort (8080) breaks the restricted Pod Security Standard; set mongo.mongos.allowUnrestricted: true to allow it (the namespace must admit such pods)",
  },
];

describe.each(HELM_VERSIONS)("mongo values on helm %i", (helm) => {
  it.each(cases)("refuses $rule, in the chart and the toolkit alike", async ({ phase, values, message }) => {
    expect(await helmError(renderPhase(phase, { helm, values }))).toContain(message);
    expect(toolkitErrors(phase, values)).toEqual([message]);
  });

  it("refuses an autoscaler on any database object, in the chart and the toolkit", async () => {
    for (const values of [{ mongo: { autoscaling: { enabled: true } } }, { mongo: { sharded: { autoscaling: { enabled: true } } } }]) {
      expect(await helmError(renderPhase("phase4", { helm, values }))).toMatch(/autoscaling/);
      expect(toolkitErrors("phase4", values).join("\n")).toMatch(/^mongo\.(sharded\.)?autoscaling: is not a known key/);
    }
  });

  it("refuses fewer than 2 mongos routers", async () => {
    const values = { mongo: { sharded: { mongos: 1 } } };
    expect(await helmError(renderPhase("phase4", { helm, values }))).toMatch(/mongos/);
    expect(toolkitErrors("phase4", values)).toEqual(["mongo.sharded.mongos: must be >= 2"]);
  });

  it("accepts a hidden, non-voting member: it gets priority 0 and leaves the vote odd", async () => {
    const values = { mongo: { replicaSet: { replicas: 4 }, members: { overrides: [{ index: 3, hidden: true, votes: 0 }] } } };
    expect(toolkitErrors("phase2", values)).toEqual([]);
    const r = await renderPhase("phase2", { helm, values });
    expect(r.find("ConfigMap", "vendata-connections").data?.MONGODB_HOSTS?.split(",")).toHaveLength(3);
  });
});
