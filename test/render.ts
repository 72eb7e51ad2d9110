// Test shorthand: render a phase (with the pinned fake secrets) on a chosen Helm.
import type { HelmMajor } from "../src/helm/provision.ts";
import { phaseValuesFiles, type Phase } from "../src/phases.ts";
import { render, type Rendered } from "../src/render/render.ts";

export const HELM_VERSIONS: readonly HelmMajor[] = [3, 4];
export const FAKE_SECRETS = "test/fixtures/fake-secrets.yaml";

export function renderPhase(phase: Phase, options: { helm?: HelmMajor; values?: object; set?: Record<string, string | number | boolean>; apiVersions?: string[]; chart?: string; releaseName?: string } = {}): Promise<Rendered> {
  return render({ valuesFiles: [...phaseValuesFiles(phase), FAKE_SECRETS], ...options });
}
