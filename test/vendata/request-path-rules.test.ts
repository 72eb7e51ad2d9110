// Each rule of the request path, refused by Helm (the chart's fail) and by the toolkit
// with the same message naming the keys.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { HelmError } from "../../src/helm/run.ts";
import { phaseValuesFiles } from "../../src/phases.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const RULES: { name: string; values: object; message: string }[] = [
  {
    name: "an API grace period no longer than its preStop sleep",
    values: { api: { preStopSleepSeconds: 30, terminationGracePeriodSeconds: 30 } },
    message: "api.terminationGracePeriodSeconds (30) must be greater than api.preStopSleepSeconds (30), or the pod is killed before it finishes its requests",
  },
  {
    name: "an nginx grace period no longer than its preStop sleep",
    values: { nginx: { preStopSleepSeconds: 50, terminationGracePeriodSeconds: 45 } },
    message: "nginx.terminationGracePeriodSeconds (45) must be greater than nginx.preStopSleepSeconds (50), or the pod is killed before it finishes its requests",
  },
  {
    name: "TLS without a Secret",
    values: { nginx: { tls: { enabled: true, secretName: "" } } },
    message: "nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true",
  },
  {
    name: "no frontend at all",
    values: { nginx: { frontend: { deploy: false, host: "" } } },
    message: "nginx.frontend.host must name the frontend (a fully qualified name) when nginx.frontend.deploy is false",
  },
  {
    name: "API pods that stop before nginx forgets them",
    values: { api: { preStopSleepSeconds: 10 }, nginx: { resolver: { validSeconds: 10 } } },
    message: "api.preStopSleepSeconds (10) must be greater than nginx.resolver.validSeconds (10), or nginx keeps sending requests to API pods that have stopped",
  },
];

function valuesFile(values: object): string {
  const file = join(mkdtempSync(join(tmpdir(), "vendata-rule-")), "values.yaml");
  writeFileSync(file, stringify(values));
  return file;
}

async function helmError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HelmError) return error.stderr;
    throw error;
  }
  throw new Error("the render succeeded but should have been refused");
}

describe.each(RULES)("refuses $name", ({ values, message }) => {
  it.each(HELM_VERSIONS)("in the chart, on helm %i", async (helm) => {
    expect(await helmError(renderPhase("phase3", { helm, values }))).toContain(message);
  });

  it("in the toolkit, with the same message", () => {
    expect(validateValuesFiles([...phaseValuesFiles("phase3"), valuesFile(values)])).toEqual([message]);
  });
});

describe("the request path rules", () => {
  it("let every phase through", () => {
    for (const phase of ["phase1", "phase2", "phase3", "phase4"] as const) expect(validateValuesFiles(phaseValuesFiles(phase)), phase).toEqual([]);
  });
});
