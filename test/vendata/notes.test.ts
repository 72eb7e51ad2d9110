// NOTES.txt on a first install (how to reach nginx, what must exist first, where the
// passwords are) and after an upgrade, rendered against a fake API server holding the
// release's objects as an earlier install left them.
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

  /** NOTES of a first install (`helm upgrade --install --dry-run=server`, nothing live) of `phase` with `set`. */
  async function install(phase: Phase, set: string[] = []): Promise<string> {
    const rendered = await render({ valuesFiles: phaseValuesFiles(phase), helm });
    api = await startFakeKubeApi(rendered.objects, []);
    const files = phaseValuesFiles(phase).flatMap((f) => ["-f", join(REPO_ROOT, f)]);
    const args = ["upgrade", "--install", "vendata", join(REPO_ROOT, "charts/vendata"), "-n", "vendata", ...files, "--dry-run=server", "--disable-openapi-validation", ...set.flatMap((s) => ["--set", s])];
    const out = await runHelm(args, { helm, env: { KUBECONFIG: api.kubeconfig } });
    return out.slice(out.indexOf("NOTES:"));
  }

  const PORT_FORWARD = "kubectl port-forward service/vendata-nginx -n vendata 8443:443   # then https://localhost:8443/";

  it("phase 1 (NodePort): the node port, the nodes that answer under externalTrafficPolicy Local, and port-forward", async () => {
    const notes = await install("phase1");
    expect(notes).toContain("Reach the stack through nginx (Service vendata-nginx, NodePort)");
    expect(notes).toContain(`kubectl get service vendata-nginx -n vendata -o jsonpath='{.spec.ports[?(@.name=="https")].nodePort}'`);
    expect(notes).toContain("the node\n  port answers only on the nodes that run an nginx pod");
    expect(notes).toContain("kubectl get pods -n vendata -l app.kubernetes.io/instance=vendata,app.kubernetes.io/name=nginx -o wide");
    expect(notes).toContain(PORT_FORWARD);
    expect(notes).not.toContain("EXTERNAL-IP");
  });

  it("phase 3 (LoadBalancer behind the CDN): the external address, the CDN's ranges, port-forward; no node port", async () => {
    const notes = await install("phase3");
    expect(notes).toContain("LoadBalancer provider (the cloud's, MetalLB) gives one, is EXTERNAL-IP:\n    kubectl get service vendata-nginx -n vendata -w");
    expect(notes).toContain("It admits only the CDN's ranges");
    expect(notes).toContain(PORT_FORWARD);
    expect(notes).not.toContain("nodePort");
  });

  it("a ClusterIP Service without TLS: port-forward over plain HTTP only", async () => {
    const notes = await install("phase1", ["nginx.service.type=ClusterIP", "nginx.tls.enabled=false"]);
    expect(notes).toContain("kubectl port-forward service/vendata-nginx -n vendata 8080:80   # then http://localhost:8080/");
    expect(notes).not.toContain("nodePort");
    expect(notes).not.toContain("EXTERNAL-IP");
    expect(notes).not.toContain("TLS Secret");
  });

  it("names the TLS Secret that must exist first, with the command that creates it", async () => {
    const notes = await install("phase2");
    expect(notes).toContain('The TLS Secret nginx serves, "vendata-tls" (kubernetes.io/tls), in namespace vendata');
    expect(notes).toContain("kubectl -n vendata create secret tls vendata-tls --cert=tls.crt --key=tls.key");
  });

  it("says where the generated passwords are and how to read one", async () => {
    const notes = await install("phase2");
    expect(notes).toContain('are in the Secret\n"vendata-secrets", kept across upgrades and after helm uninstall');
    expect(notes).toContain("kubectl get secret vendata-secrets -n vendata -o jsonpath='{.data.ADMIN_TOKEN}' | base64 -d");
  });

  it("with global.existingSecret: that Secret must exist first, and holds the passwords", async () => {
    const notes = await install("phase2", ["global.existingSecret=my-secrets"]);
    expect(notes).toContain('The Secret "my-secrets" (global.existingSecret) with every key the chart names');
    expect(notes).toContain("kubectl get secret my-secrets -n vendata -o jsonpath='{.data.ADMIN_TOKEN}' | base64 -d");
    expect(notes).not.toContain("vendata-secrets");
  });

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
