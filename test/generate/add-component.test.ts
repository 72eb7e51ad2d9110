// Adding a component is one subchart folder, its schema file and one dependency in the
// umbrella's Chart.yaml (CONTRIBUTING.md, "A new component"). In a copy of the repository,
// add a `worker` with exactly those three (test/fixtures/add-component), run the
// repository's own commands, and check that the chart, the toolkit and the docs know it.
import { appendFileSync, cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLE_BEGIN, TABLE_END } from "../../src/generate/readme.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { subchartsOf } from "../../src/schema/charts.ts";
import { valuesFile } from "../refusals.ts";
import { renderPhase } from "../render.ts";
import { selects } from "../support/network-policy.ts";
import { verifyCopy, type VerifyCopy } from "../support/verify-copy.ts";

const FIXTURE = join(REPO_ROOT, "test/fixtures/add-component");
// The dependency block, appended to the umbrella's Chart.yaml (its list of dependencies is last).
const DEPENDENCY = ["  - name: worker", "    version: 0.1.0", "    repository: file://charts/worker", "    condition: worker.enabled", ""].join("\n");

describe("a component added as a subchart folder, its schema file and its dependency", () => {
  let copy: VerifyCopy;
  const root = () => copy.root;
  const chart = () => join(root(), "charts/vendata");
  const toolkit = (...args: string[]) => copy.run("npx", ["tsx", "src/cli/main.ts", ...args]);

  beforeAll(async () => {
    copy = verifyCopy();
    cpSync(join(FIXTURE, "worker"), join(chart(), "charts/worker"), { recursive: true });
    cpSync(join(FIXTURE, "worker.schema.yaml"), join(root(), "schema/worker.schema.yaml"));
    appendFileSync(join(chart(), "Chart.yaml"), DEPENDENCY);
    const generate = await copy.run("npm", ["run", "generate"]);
    expect(generate.exitCode, String(generate.stderr)).toBe(0);
  }, 240_000);
  afterAll(() => copy?.remove());

  it("is a subchart of the toolkit, optional by its condition", () => {
    expect(subchartsOf(root()).find((s) => s.key === "worker")).toEqual({ key: "worker", dir: "charts/vendata/charts/worker", schemaFile: "worker.schema.yaml", optional: true });
  });

  it("passes npm run verify once npm run generate has run: generated files, values lint, typecheck", async () => {
    const verify = await copy.run("npm", ["run", "verify"]);
    expect(verify.exitCode, `${verify.stdout}\n${verify.stderr}`).toBe(0);
  }, 240_000);

  it("renders nothing while worker.enabled keeps its default, false", async () => {
    const r = await renderPhase("phase3", { chart: chart() });
    expect(r.maybe("Deployment", "vendata-worker")).toBeUndefined();
    expect(r.maybe("NetworkPolicy", "vendata-allow-worker")).toBeUndefined();
  });

  it("renders, with worker.enabled, the Deployment vendata-worker with the standard labels, selected by its own NetworkPolicy", async () => {
    const r = await renderPhase("phase3", { chart: chart(), set: { "worker.enabled": true } });
    const worker = r.find("Deployment", "vendata-worker");
    const labels = {
      "app.kubernetes.io/name": "worker",
      "app.kubernetes.io/instance": "vendata",
      "app.kubernetes.io/component": "worker",
      "app.kubernetes.io/version": "1.0.0",
      "app.kubernetes.io/managed-by": "Helm",
      "app.kubernetes.io/part-of": "vendata",
      "helm.sh/chart": "worker-0.1.0",
    };
    expect(worker.metadata?.labels).toEqual(labels);
    expect(worker.spec?.template.metadata?.labels).toEqual(labels);
    const selecting = r.all("NetworkPolicy").filter((p) => selects(p.spec?.podSelector, labels));
    expect(selecting.map((p) => p.metadata?.name)).toContain("vendata-default-deny");
    // Of the policies written for one group (Prometheus' scrape policy selects every pod), only its own.
    const groups = selecting.filter((p) => p.spec?.podSelector.matchLabels?.["app.kubernetes.io/component"] !== undefined);
    expect(groups.map((p) => p.metadata?.name)).toEqual(["vendata-allow-worker"]);
  });

  it("is checked by the toolkit's validate: a misspelt key refused by the umbrella's schema, a bad value by the chart's own rule", async () => {
    const misspelt = await toolkit("validate", "-f", valuesFile({ worker: { enabled: true, replicaCont: 2 } }));
    expect(misspelt.exitCode).toBe(1);
    expect(misspelt.stderr).toContain("worker.replicaCont: is not a known key");
    const tooBig = await toolkit("validate", "-f", valuesFile({ worker: { enabled: true, resources: { requests: { cpu: "2" } } } }));
    expect(tooBig.exitCode).toBe(1);
    expect(tooBig.stderr).toContain("worker.resources.requests.cpu (2) must be <= worker.resources.limits.cpu (500m)");
  }, 180_000);

  it("gets its keys into its README's values table", () => {
    const readme = readFileSync(join(chart(), "charts/worker/README.md"), "utf8");
    const table = readme.slice(readme.indexOf(TABLE_BEGIN), readme.indexOf(TABLE_END));
    for (const key of ["enabled", "replicaCount", "image.repository", "resources.requests.cpu"]) expect(table).toContain(`| \`${key}\` |`);
  });
});
