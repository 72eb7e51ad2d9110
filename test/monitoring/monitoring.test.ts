import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describe.each(HELM_VERSIONS)("monitoring on helm %i", (helm) => {
  it.each(PHASES)("%s runs the Prometheus and Grafana of the phase table", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const expected = PHASE_TABLE[phase].monitoring;
    if (expected === null) {
      expect(r.maybe("StatefulSet", "vendata-prometheus")).toBeUndefined();
      expect(r.maybe("Deployment", "vendata-grafana")).toBeUndefined();
      return;
    }
    expect(r.find("StatefulSet", "vendata-prometheus").spec?.replicas).toBe(expected.prometheus);
    expect(r.find("Deployment", "vendata-grafana").spec?.replicas).toBe(expected.grafana);
  });
});

describe("prometheus", () => {
  it("may only read pods and nodes", async () => {
    const role = (await renderPhase("phase2")).find("ClusterRole", "vendata-vendata-prometheus");
    for (const rule of role.rules ?? []) expect(rule.verbs).toEqual(["get", "list", "watch"]);
  });
});
