// redis.maxmemory against the container's memory limit: Helm refuses the render and the
// toolkit reports the same message, naming the keys. (The other redis rules are in
// test/vendata/cross-field-rules.test.ts.)
import { describe, expect, it } from "vitest";
import type { Phase } from "../../src/phases.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

// The toolkit checks the schema on the files alone, where resources need all four keys.
const resources = (limit: string) => ({ requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: limit } });
const WHY = "Redis needs the rest for fragmentation, client buffers and the append-only-file rewrite";

const CASES: { rule: string; phase: Phase; values: object; message: string }[] = [
  {
    rule: "maxmemory above 80% of the memory limit",
    phase: "phase1",
    values: { redis: { maxmemory: "4gb" } },
    message: `redis.maxmemory (4gb) must be at most 80% of redis.resources.limits.memory (4Gi): ${WHY}`,
  },
  {
    rule: "maxmemory compared with a limit in decimal units",
    phase: "phase3",
    values: { redis: { maxmemory: "1800mb", resources: resources("2G") } },
    message: `redis.maxmemory (1800mb) must be at most 80% of redis.resources.limits.memory (2G): ${WHY}`,
  },
];

describe.each(HELM_VERSIONS)("redis maxmemory on helm %i", (helm) => {
  it.each(CASES)("refuses $rule", async ({ phase, values, message }) => {
    expect(await helmError(renderPhase(phase, { helm, values }))).toContain(message);
    expect(toolkitErrors(phase, values)).toEqual([message]);
  });

  it("accepts maxmemory at exactly 80% of the limit", async () => {
    const values = { redis: { maxmemory: "3276mb", resources: resources("4095Mi") } };
    await expect(renderPhase("phase1", { helm, values })).resolves.toBeDefined();
    expect(toolkitErrors("phase1", values)).toEqual([]);
  });
});
