// The four phases of the scaling plan and the values files that express them.
export const PHASES = ["phase1", "phase2", "phase3", "phase4"] as const;
export type Phase = (typeof PHASES)[number];

/** Phase 4 runs one release per region; this is the region the tests and the demo use. */
export const DEFAULT_REGION = "sa-east";

/** Where the phase files live: inside the chart, so `helm package` ships them (relative to the repository root). */
export const PRESETS_DIR = "charts/vendata/presets";

/** Values files for a phase, in the order Helm must read them. */
export function phaseValuesFiles(phase: Phase, region: string = DEFAULT_REGION): string[] {
  const files = [`${PRESETS_DIR}/${phase}.yaml`];
  if (phase === "phase4") files.push(`${PRESETS_DIR}/regions/${region}.yaml`);
  return files;
}
