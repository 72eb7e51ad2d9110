// The values lint that npm run verify runs (src/generate/values-lint.ts).
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isRead, lintValues, templateReads, valueLeaves } from "../../src/generate/values-lint.ts";
import { verifyCopy, type VerifyCopy } from "../support/verify-copy.ts";

describe("the values lint", () => {
  it("finds nothing in the repository", () => {
    expect(lintValues()).toEqual([]);
  });

  it("lists a values tree's leaves: scalars, lists and empty maps", () => {
    expect(valueLeaves({ a: { b: 1, c: [1, 2], d: {} }, e: "x" })).toEqual(["a.b", "a.c", "a.d", "e"]);
  });

  it("sees a value read from .Values, through the library's context, or a map above it handed whole", () => {
    const reads = templateReads(["{{ .Values.port }}", "{{ (.context.Values.global).imageRegistry }}", "{{ toYaml $.Values.resources }}"]);
    expect(isRead("port", reads)).toBe(true);
    expect(isRead("global.imageRegistry", reads)).toBe(true);
    expect(isRead("resources.limits.cpu", reads)).toBe(true);
    expect(isRead("replicaCount", reads)).toBe(false);
    expect(isRead("global.region", reads)).toBe(false);
  });

  it("sees a value read through a variable that holds the map above it", () => {
    const reads = templateReads(["{{- $m := .Values -}}{{ $m.members.manage }}"]);
    expect(isRead("members.manage", reads)).toBe(true);
    expect(isRead("members.priority", reads)).toBe(false);
  });

  describe("npm run verify in a copy of the repository", () => {
    let copy: VerifyCopy | undefined;
    afterAll(() => copy?.remove());

    it("fails, naming the key, on a value that no template reads and no exception lists", async () => {
      copy = verifyCopy();
      appendFileSync(join(copy.root, "charts/vendata/charts/api/values.yaml"), "forgottenKnob: 3\n");

      const result = await copy.check();
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("api.forgottenKnob: read by no template of charts/vendata/charts/api");
    });
  });
});
