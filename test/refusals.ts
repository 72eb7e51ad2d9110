// How tests see a refusal: Helm's error text from a render, and the toolkit's problems
// for the same values on top of a phase.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { HelmError } from "../src/helm/run.ts";
import { phaseValuesFiles, type Phase } from "../src/phases.ts";
import { validateValuesFiles } from "../src/values/validate.ts";

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
export function toolkitErrors(phase: Phase, values: object): string[] {
  return validateValuesFiles([...phaseValuesFiles(phase), valuesFile(values)]);
}
