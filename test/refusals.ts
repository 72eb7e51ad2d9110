// How tests see a refusal: Helm's error text from a render, and the toolkit's problems
// for the same values on top of a phase (the toolkit runs the chart, so they agree).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { HelmError } from "../src/helm/run.ts";
import { phaseValuesFiles, type Phase } from "../src/phases.ts";
import { validateValuesFiles } from "../src/values/validate.ts";
import { HELM_VERSIONS, renderPhase } from "./render.ts";

/** Helm's stderr from a render that must fail; throws if it succeeded or failed otherwise. */
export async function helmError(render: Promise<unknown>): Promise<string> {
  try {
    await render;
  } catch (error) {
    if (error instanceof HelmError) return error.stderr;
    throw error;
  }
  throw new Error("the render succeeded but should have been refused");
}

/** A values file holding these values, in a fresh temporary folder. */
export function valuesFile(values: object): string {
  const file = join(mkdtempSync(join(tmpdir(), "vendata-values-")), "values.yaml");
  writeFileSync(file, stringify(values));
  return file;
}

/** What `vendata validate` says of these values on top of a phase (empty: valid). */
export function toolkitErrors(phase: Phase, values: object, release?: string): string[] {
  return validateValuesFiles([...phaseValuesFiles(phase), valuesFile(values)], { release });
}

/** Values a chart must refuse, and every message it must give for them (each naming the key). */
export interface Refusal {
  rule: string;
  phase: Phase;
  values: object;
  /** The release name, when the case is about it (default vendata). */
  release?: string;
  /** Each problem the values have, in the chart's order; a message may be cut short. */
  messages: string[];
}

/**
 * One table of refusals: each case is refused by the chart on every Helm with each
 * message, and the toolkit reports exactly those problems.
 */
export function describeRefusals(title: string, cases: readonly Refusal[]): void {
  describe(title, () => {
    describe.each(cases)("$rule", ({ phase, values, release, messages }) => {
      it.each(HELM_VERSIONS)("is refused by the chart on helm %i, naming the key", async (helm) => {
        const stderr = await helmError(renderPhase(phase, { helm, values, releaseName: release }));
        for (const message of messages) expect(stderr).toContain(message);
      });

      it("is refused by the toolkit with the chart's messages", () => {
        expect(toolkitErrors(phase, values, release)).toEqual(messages.map((message) => expect.stringContaining(message)));
      });
    });
  });
}
