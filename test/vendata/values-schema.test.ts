import { describe, expect, it } from "vitest";
import { helmError, toolkitErrors, valuesFile } from "../refusals.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

// An autoscaler on a database is refused by the schema too: test/mongo/values.test.ts.
describe.each(HELM_VERSIONS)("helm %i refuses bad values", (helm) => {
  it("names a misspelt key", async () => {
    const stderr = await helmError(renderPhase("phase2", { helm, set: { "api.replicaCont": 3 } }));
    expect(stderr).toMatch(/replicaCont/);
    expect(stderr).toMatch(/api/);
  });

  it("names a value of the wrong type", async () => {
    const stderr = await helmError(renderPhase("phase2", { helm, values: { api: { replicaCount: "three" } } }));
    expect(stderr).toMatch(/replicaCount/);
    expect(stderr).toMatch(/integer/);
  });

  it("names a value outside its enum", async () => {
    const stderr = await helmError(renderPhase("phase2", { helm, values: { mongo: { architecture: "cluster" } } }));
    expect(stderr).toMatch(/architecture/);
  });
});

describe("the toolkit refuses bad values before Helm runs", () => {
  it("names a misspelt key", () => {
    expect(toolkitErrors("phase2", { api: { replicaCont: 3 } })).toEqual([
      "api.replicaCont: is not a known key (misspelt? see the chart's README values table)",
    ]);
  });

  it("names a value of the wrong type", () => {
    expect(validateValuesFiles([valuesFile({ api: { replicaCount: "three" } })])).toEqual(["api.replicaCount: must be integer"]);
  });

  it("names a value outside its set", () => {
    expect(validateValuesFiles([valuesFile({ redis: { mode: "replicated" } })])).toEqual(['redis.mode: must be one of "standalone", "sentinel", "cluster"']);
  });
});

describe("the toolkit checks values as Helm does, merged over the chart's defaults", () => {
  it("accepts a partial override of a map whose keys are all required", () => {
    expect(toolkitErrors("phase2", { api: { resources: { limits: { memory: "2Gi" } } } })).toEqual([]);
  });
});
