// Rules across redis values: Helm refuses the render and the toolkit reports the same
// message, naming the keys.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { HelmError } from "../../src/helm/run.ts";
import { phaseValuesFiles, type Phase } from "../../src/phases.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

async function helmError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HelmError) return error.stderr;
    throw error;
  }
  throw new Error("the render succeeded but should have been refused");
}

// The toolkit checks the schema on the files alone, where resources need all four keys.
const resources = (limit: string) => ({ requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: limit } });

function toolkitErrors(phase: Phase, values: object): string[] {
  const file = join(mkdtempSync(join(tmpdir(), "vendata-values-")), "values.yaml");
  writeFileSync(file, stringify(values));
  return validateValuesFiles([...phaseValuesFiles(phase), file]);
}

const CASES: { rule: string; phase: Phase; values: object; message: string }[] = [
  {
    rule: "maxmemory must stay below the container's memory limit",
    phase: "phase1",
    values: { redis: { maxmemory: "4gb" } },
    message: "redis.maxmemory (4gb) must be at most 80% of redis.resources.limits.memory (4Gi): Redis needs the rest for fragmentation, client buffers and the append-only-file rewrite",
  },
  {
    rule: "maxmemory is compared with a limit in any unit",
    phase: "phase3",
    values: { redis: { maxmemory: "1800mb", resources: resources("2G") } },
    message: "redis.maxmemory (1800mb) must be at most 80% of redis.resources.limits.memory (2G): Redis needs the rest for fragmentation, client buffers and the append-only-file rewrite",
  },
  {
    rule: "cluster nodes must split into at least 3 masters with their replicas",
    phase: "phase3",
    values: { redis: { cluster: { nodes: 7 } } },
    message: "redis.cluster.nodes (7) must equal masters x (1 + redis.cluster.replicasPerMaster (1)) with at least 3 masters",
  },
  {
    rule: "the sentinel quorum cannot exceed the sentinels",
    phase: "phase2",
    values: { redis: { sentinel: { quorum: 4 } } },
    message: "redis.sentinel.quorum (4) must be <= redis.sentinel.replicas (3), or no failover can ever be agreed",
  },
];

describe.each(HELM_VERSIONS)("redis values rules on helm %i", (helm) => {
  it.each(CASES)("$rule", async ({ phase, values, message }) => {
    expect(await helmError(renderPhase(phase, { helm, values }))).toContain(message);
    expect(toolkitErrors(phase, values)).toEqual([message]);
  });
});

describe("redis values within the rules", () => {
  it("maxmemory at exactly 80% of the limit renders", async () => {
    const values = { redis: { maxmemory: "3276mb", resources: resources("4095Mi") } };
    await expect(renderPhase("phase1", { values })).resolves.toBeDefined();
    expect(toolkitErrors("phase1", values)).toEqual([]);
  });
});
