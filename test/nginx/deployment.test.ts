import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { expectReplicasOrHpa, PHASE_TABLE } from "../phase-table.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describe.each(HELM_VERSIONS)("nginx on helm %i", (helm) => {
  it.each(PHASES)("%s runs the replicas or HPA of the phase table", async (phase) => {
    expectReplicasOrHpa(await renderPhase(phase, { helm }), "vendata-nginx", PHASE_TABLE[phase].nginx);
  });

  it.each(PHASES)("%s exposes the Service type of the phase table", async (phase) => {
    const service = (await renderPhase(phase, { helm })).find("Service", "vendata-nginx");
    expect(service.spec?.type).toBe(PHASE_TABLE[phase].nginxService);
    // Local keeps the client's address for the rate limits.
    expect(service.spec?.externalTrafficPolicy).toBe("Local");
  });

  it.each(PHASES)("%s admits only the CDN's ranges when behind the CDN", async (phase) => {
    const service = (await renderPhase(phase, { helm })).find("Service", "vendata-nginx");
    const ranges = service.spec?.loadBalancerSourceRanges ?? [];
    if (PHASE_TABLE[phase].behindCdn) {
      expect(ranges).toContain("173.245.48.0/20");
      expect(ranges).toContain("2606:4700::/32");
    } else {
      expect(ranges).toEqual([]);
    }
  });
});
