import { describe, expect, it } from "vitest";
import { HelmError } from "../../src/helm/run.ts";
import { render } from "../../src/render/render.ts";
import { FAKE_SECRETS } from "../render.ts";

describe("the render harness", () => {
  it("names objects after the release and puts them in the namespace it is given", async () => {
    const r = await render({ valuesFiles: ["charts/vendata/presets/phase2.yaml", FAKE_SECRETS], releaseName: "shop", namespace: "staging" });
    const api = r.find("Deployment", "shop-api");
    expect(api.metadata?.namespace).toBe("staging");
    expect(r.maybe("Deployment", "vendata-api")).toBeUndefined();
  });

  it("applies --set pairs after the values files", async () => {
    const r = await render({ valuesFiles: ["charts/vendata/presets/phase2.yaml", FAKE_SECRETS], set: { "api.replicaCount": 5 } });
    expect(r.find("Deployment", "vendata-api").spec?.replicas).toBe(5);
  });

  it("lists what there is when an object is missing", async () => {
    const r = await render({ valuesFiles: ["charts/vendata/presets/phase1.yaml", FAKE_SECRETS] });
    expect(() => r.find("Deployment", "vendata-apj")).toThrow(/no Deployment named vendata-apj; the render has Deployment: \[.*vendata-api.*\]/);
  });

  it("returns the same render for the same input, once per run", async () => {
    const options = { valuesFiles: ["charts/vendata/presets/phase3.yaml", FAKE_SECRETS] };
    expect(await render(options)).toBe(await render({ ...options }));
  });

  it("raises Helm's own message when Helm fails", async () => {
    const failure = render({ valuesFiles: ["charts/vendata/presets/phase1.yaml"], set: { "mongo.architecture": "ring" } });
    await expect(failure).rejects.toBeInstanceOf(HelmError);
    await expect(failure).rejects.toThrow(/architecture/);
  });
});
