import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HelmError } from "../../src/helm/run.ts";
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

  it("refuses an autoscaler on a database", async () => {
    const stderr = await helmError(renderPhase("phase3", { helm, values: { mongo: { autoscaling: { enabled: true } } } }));
    expect(stderr).toMatch(/autoscaling/);
  });

  it("refuses the latest tag", async () => {
    const stderr = await helmError(renderPhase("phase1", { helm, values: { api: { image: { tag: "latest" } } } }));
    expect(stderr).toMatch(/tag/);
  });
});

describe("the toolkit refuses bad values before Helm runs", () => {
  const file = (text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "vendata-bad-")), "values.yaml");
    writeFileSync(path, text);
    return path;
  };

  it("names a misspelt key", () => {
    expect(validateValuesFiles(["values/phase2.yaml", file("api:\n  replicaCont: 3\n")])).toEqual([
      "api.replicaCont: is not a known key (misspelt? see the chart's README values table)",
    ]);
  });

  it("names a value of the wrong type", () => {
    expect(validateValuesFiles([file("api:\n  replicaCount: three\n")])).toEqual(["api.replicaCount: must be integer"]);
  });

  it("names a value outside its set", () => {
    expect(validateValuesFiles([file("redis:\n  mode: replicated\n")])).toEqual(['redis.mode: must be one of "standalone", "sentinel", "cluster"']);
  });
});
