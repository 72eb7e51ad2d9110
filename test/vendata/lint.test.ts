import { describe, expect, it } from "vitest";
import { runHelm } from "../../src/helm/run.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { PHASES, phaseValuesFiles } from "../../src/phases.ts";
import { SUBCHARTS } from "../../src/schema/charts.ts";
import { HELM_VERSIONS } from "../render.ts";

describe.each(HELM_VERSIONS)("helm %i lint --strict", (helm) => {
  it.each(PHASES)("passes for %s", async (phase) => {
    const files = phaseValuesFiles(phase).flatMap((f) => ["-f", `${REPO_ROOT}/${f}`]);
    const out = await runHelm(["lint", "--strict", `${REPO_ROOT}/charts/vendata`, ...files], { helm });
    expect(out).toContain("1 chart(s) linted, 0 chart(s) failed");
  });

  // Each subchart is linted alone with its own defaults, so it must declare (and carry) the
  // library it calls. A phase file cannot be given here: Helm would hand it to every subchart.
  it("passes with --with-subcharts: every subchart lints alone, with the library it declares", async () => {
    const out = await runHelm(["lint", "--strict", "--with-subcharts", `${REPO_ROOT}/charts/vendata`], { helm });
    expect(out).toMatch(/\b(\d+) chart\(s\) linted, 0 chart\(s\) failed/);
    expect(Number(/(\d+) chart\(s\) linted/.exec(out)?.[1])).toBe(SUBCHARTS.length + 2);
  });
});
