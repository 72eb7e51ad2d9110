// NOTES.txt after an upgrade, rendered against a fake API server holding the release's
// objects as an earlier install left them.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runHelm } from "../../src/helm/run.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { phaseValuesFiles, type Phase } from "../../src/phases.ts";
import type { KubernetesObject } from "../../src/render/kinds.ts";
import { render } from "../../src/render/render.ts";
import { HELM_VERSIONS } from "../render.ts";
import { startFakeKubeApi, type FakeKubeApi } from "../support/fake-kube-api.ts";

const RESTART = "kubectl rollout restart deployment/vendata-api -n vendata";

describe.each(HELM_VERSIONS)("NOTES on helm %i", (helm) => {
  let api: FakeKubeApi | undefined;
  afterEach(async () => api?.stop());

  /** `helm upgrade --install --dry-run=server` to `phase`, with the connections ConfigMap `installed` left live. */
  async function upgrade(installed: Phase, phase: Phase, set: string[] = ["api.rollOnUpgrade=false"]): Promise<string> {
    const [before, after] = await Promise.all([render({ valuesFiles: phaseValuesFiles(installed), helm }), render({ valuesFiles: phaseValuesFiles(phase), helm })]);
    const connections: KubernetesObject = before.find("ConfigMap", "vendata-connections") as KubernetesObject;
    const live = { ...connections, metadata: { ...connections.metadata, annotations: { "meta.helm.sh/release-name": "vendata", "meta.helm.sh/release-namespace": "vendata" } } };
    api = await startFakeKubeApi([...before.objects, ...after.objects], [live]);
    const files = phaseValuesFiles(phase).flatMap((f) => ["-f", join(REPO_ROOT, f)]);
    const args = ["upgrade", "--install", "vendata", join(REPO_ROOT, "charts/vendata"), "-n", "vendata", ...files, "--dry-run=server", "--disable-openapi-validation", ...set.flatMap((s) => ["--set", s])];
    return runHelm(args, { helm, env: { KUBECONFIG: api.kubeconfig } });
  }

  it("with rollOnUpgrade off, tells to restart the API when the upgrade changes where it finds the databases", async () => {
    const out = await upgrade("phase1", "phase2");
    expect(out).toContain("WARNING: this upgrade changes where the API finds Mongo or Redis (vendata-connections)");
    expect(out).toContain(RESTART);
  });

  it("names what monitoring runs: Prometheus' replicas, and Grafana's or none", async () => {
    expect(await upgrade("phase2", "phase3", [])).toContain("Monitoring: Prometheus 2, Grafana 2");
    expect(await upgrade("phase2", "phase2", ["monitoring.grafana.enabled=false"])).toContain("Monitoring: Prometheus 1, no Grafana");
  });

  it("says nothing of the kind when the API pods roll on the upgrade anyway (the default)", async () => {
    const out = await upgrade("phase1", "phase2", []);
    expect(out).toContain("NOTES:");
    expect(out).not.toContain(RESTART);
  });

  it("says nothing of the kind when the connections stay the same", async () => {
    const out = await upgrade("phase2", "phase2");
    expect(out).toContain("NOTES:");
    expect(out).not.toContain(RESTART);
  });
});
