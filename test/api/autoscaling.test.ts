// The HPA's scaling behaviour: the seed's by default, autoscaling.behavior merged over it
// (the library's vendata.hpa.behavior, shared by the api and nginx charts).
import { describe, expect, it } from "vitest";
import { helmError } from "../refusals.ts";
import { renderPhase } from "../render.ts";

const SEED = {
  scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }, { type: "Pods", value: 5, periodSeconds: 15 }] },
  scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: "Percent", value: 50, periodSeconds: 15 }] },
};

describe("the API's HPA behaviour", () => {
  it("is the seed's by default: up fast, down after 300 s", async () => {
    const r = await renderPhase("phase3");
    expect(r.find("HorizontalPodAutoscaler", "vendata-api").spec?.behavior).toEqual(SEED);
  });

  it("takes autoscaling.behavior key by key and keeps the rest of the seed's", async () => {
    const r = await renderPhase("phase3", { values: { api: { autoscaling: { behavior: { scaleDown: { stabilizationWindowSeconds: 30 } } } } } });
    expect(r.find("HorizontalPodAutoscaler", "vendata-api").spec?.behavior).toEqual({ ...SEED, scaleDown: { ...SEED.scaleDown, stabilizationWindowSeconds: 30 } });
  });

  it("replaces a policies list whole", async () => {
    const policies = [{ type: "Pods", value: 1, periodSeconds: 60 }];
    const r = await renderPhase("phase3", { values: { nginx: { autoscaling: { enabled: true, behavior: { scaleDown: { policies } } } } } });
    expect(r.find("HorizontalPodAutoscaler", "vendata-nginx").spec?.behavior?.scaleDown).toEqual({ stabilizationWindowSeconds: 300, policies });
  });

  it("refuses a period the API server would refuse, naming the key", async () => {
    const stderr = await helmError(renderPhase("phase3", { values: { api: { autoscaling: { behavior: { scaleUp: { policies: [{ type: "Pods", value: 1, periodSeconds: 3600 }] } } } } } }));
    expect(stderr).toMatch(/api.*autoscaling.*behavior.*scaleUp.*policies.*periodSeconds/s);
  });
});
