// Every object the chart renders for each phase is accepted by the real API server, with
// the restricted Pod Security Standard enforced, and without a single warning.
import { describe, expect, it } from "vitest";
import { PHASES, phaseValuesFiles } from "../../src/phases.ts";
import { render } from "../../src/render/render.ts";
import { namespaceForFile, kubectl } from "./support/cluster.ts";

const ns = namespaceForFile("e2e-accepted");

describe("the API server accepts every rendered object", () => {
  for (const phase of PHASES) {
    it(`${phase}: kubectl apply --dry-run=server accepts every object, with no warning`, async () => {
      const rendered = await render({ valuesFiles: phaseValuesFiles(phase), namespace: ns(), releaseName: "vendata" });
      expect(rendered.objects.length).toBeGreaterThan(10);
      const result = await kubectl(["apply", "--dry-run=server", "-f", "-"], { namespace: ns(), input: rendered.manifest, allowFailure: true });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/warning/i);
      // One line of output per object: nothing skipped.
      const accepted = result.stdout.split("\n").filter((line) => /\(server dry run\)$/.test(line));
      expect(accepted).toHaveLength(rendered.objects.length);
    });
  }
});
