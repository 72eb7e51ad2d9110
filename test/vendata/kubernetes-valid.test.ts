import { describe, expect, it } from "vitest";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import { PHASES } from "../../src/phases.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describe.each(HELM_VERSIONS)("helm %i renders", (helm) => {
  it.each(PHASES)("%s: every object valid Kubernetes, unknown fields rejected", async (phase) => {
    const rendered = await renderPhase(phase, { helm });
    expect(rendered.objects.length).toBeGreaterThan(10);
    assertValidKubernetesObjects(rendered.objects);
  });

  it.each(PHASES)("%s: every object in the release namespace, unless cluster-scoped", async (phase) => {
    const rendered = await renderPhase(phase, { helm });
    for (const o of rendered.objects) {
      const clusterScoped = o.kind === "ClusterRole" || o.kind === "ClusterRoleBinding";
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(clusterScoped ? undefined : "vendata");
    }
  });
});
