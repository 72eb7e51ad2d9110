import { describe, expect, it } from "vitest";
import { PHASES, phaseValuesFiles } from "../../src/phases.ts";
import { render } from "../../src/render/render.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { FAKE_SECRETS, HELM_VERSIONS, renderPhase } from "../render.ts";
import { prometheusConfig } from "../support/prometheus.ts";

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

describe("prometheus external labels (global.region)", () => {
  it("phase 4 with charts/vendata/presets/regions/sa-east.yaml labels what its Prometheus sends out region sa-east", async () => {
    const r = await render({ valuesFiles: [...phaseValuesFiles("phase4", "sa-east"), FAKE_SECRETS] });
    expect(prometheusConfig(r).global?.external_labels).toEqual({ region: "sa-east" });
  });

  it("each region's release labels its own region (us-east)", async () => {
    const r = await render({ valuesFiles: [...phaseValuesFiles("phase4", "us-east"), FAKE_SECRETS] });
    expect(prometheusConfig(r).global?.external_labels).toEqual({ region: "us-east" });
  });

  it("phase 3 (one release, no region) has no external labels", async () => {
    const config = prometheusConfig(await renderPhase("phase3"));
    expect(config.global?.scrape_interval).toBe("15s");
    expect(config.global).not.toHaveProperty("external_labels");
  });
});
