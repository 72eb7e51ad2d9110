// The values Helm would use: chart defaults (umbrella and subcharts), then each file in
// order. Maps merge key by key; lists and scalars replace, as in Helm.
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parse } from "yaml";
import type { VendataValues } from "../generated/values.ts";
import { REPO_ROOT } from "../paths.ts";
import { SUBCHARTS, UMBRELLA_DIR } from "../schema/charts.ts";

export type ValuesTree = { [key: string]: unknown };

const isTree = (v: unknown): v is ValuesTree => typeof v === "object" && v !== null && !Array.isArray(v);

export function mergeValues(base: ValuesTree, overlay: ValuesTree): ValuesTree {
  const out: ValuesTree = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = out[key];
    out[key] = isTree(current) && isTree(value) ? mergeValues(current, value) : value;
  }
  return out;
}

export function readValuesFile(file: string): ValuesTree {
  const path = isAbsolute(file) ? file : join(REPO_ROOT, file);
  const parsed: unknown = parse(readFileSync(path, "utf8"));
  if (parsed === null || parsed === undefined) return {};
  if (!isTree(parsed)) throw new Error(`${file}: a values file must be a map of keys`);
  return parsed;
}

/** Only the files, merged: what the user wrote. */
export function userValues(files: readonly string[]): ValuesTree {
  return files.reduce<ValuesTree>((acc, file) => mergeValues(acc, readValuesFile(file)), {});
}

/** Chart defaults under the user's files: what the templates see. */
export function effectiveValues(files: readonly string[]): VendataValues {
  // Helm's order: each subchart's values.yaml, then the umbrella's, then the files.
  const subchartDefaults: ValuesTree = Object.fromEntries(SUBCHARTS.map((chart) => [chart.key, readValuesFile(`${chart.dir}/values.yaml`)]));
  const defaults = mergeValues(subchartDefaults, readValuesFile(`${UMBRELLA_DIR}/values.yaml`));
  return mergeValues(defaults, userValues(files)) as VendataValues;
}
