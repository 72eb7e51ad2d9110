import { describe, expect, it } from "vitest";
import { runHelm } from "../../src/helm/run.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { PHASES, phaseValuesFiles } from "../../src/phases.ts";
import { HELM_VERSIONS } from "../render.ts";

describe.each(HELM_VERSIONS)("helm %i lint --strict", (helm) => {
  it.each(PHASES)("passes for %s", async (phase) => {
    const files = phaseValuesFiles(phase).flatMap((f) => ["-f", `${REPO_ROOT}/${f}`]);
    const out = await runHelm(["lint", "--strict", `${REPO_ROOT}/charts/vendata`, ...files], { helm });
    expect(out).toContain("1 chart(s) linted, 0 chart(s) failed");
  });
});
