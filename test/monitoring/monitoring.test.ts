import { describe, expect, it } from "vitest";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import { PHASES, phaseValuesFiles } from "../../src/phases.ts";
import { render, type Rendered } from "../../src/render/render.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { FAKE_SECRETS, HELM_VERSIONS, renderPhase } from "../render.ts";
import { prometheusConfig } from "../support/prometheus.ts";

describe.each(HELM_VERSIONS)("monitoring on helm %i", (helm) => {
  it.each(PHASES)("%s runs the Prometheus and Grafana of the phase table", async (phase) => {
    const r = await renderPhase(phase, { helm });
    const expected = PHASE_TABLE[phase].monitoring;
    if (expected === null) {
      expect(r.maybe("StatefulSet", "vendata-prometheus")).toBeUndefined();
      expect(r.maybe("Deployment", "vendata-grafana")).toBeUndefined();
      return;
    }
    expect(r.find("StatefulSet", "vendata-prometheus").spec?.replicas).toBe(expected.prometheus);
    expect(r.find("Deployment", "vendata-grafana").spec?.replicas).toBe(expected.grafana);
  });
});

describe("prometheus", () => {
  it("may only read pods and nodes", async () => {
    const role = (await renderPhase("phase2")).find("ClusterRole", "vendata-vendata-prometheus");
    for (const rule of role.rules ?? []) expect(rule.verbs).toEqual(["get", "list", "watch"]);
  });
});

describe.each(HELM_VERSIONS)("prometheus' RBAC (monitoring.rbac) on helm %i", (helm) => {
  const jobs = (r: Rendered) => (prometheusConfig(r).scrape_configs as { job_name: string }[]).map((j) => j.job_name);
  const rbacKinds = (r: Rendered) => r.objects.filter((o) => o.kind.endsWith("Role") || o.kind.endsWith("RoleBinding")).map((o) => `${o.kind}/${o.metadata.name}`);

  it("by default, a ClusterRole that also reads the nodes, bound to Prometheus' ServiceAccount, and the nodes job", async () => {
    const r = await renderPhase("phase2", { helm });
    expect(rbacKinds(r).sort()).toEqual(["ClusterRole/vendata-vendata-prometheus", "ClusterRoleBinding/vendata-vendata-prometheus"]);
    expect(r.find("ClusterRole", "vendata-vendata-prometheus").rules?.[0]?.resources).toContain("nodes");
    expect(r.find("ClusterRoleBinding", "vendata-vendata-prometheus").subjects).toEqual([{ kind: "ServiceAccount", name: "vendata-prometheus", namespace: "vendata" }]);
    expect(jobs(r)).toEqual(["kubernetes-pods", "kubernetes-nodes"]);
  });

  it("namespaced: a Role and RoleBinding in the release's namespace only, no cluster-wide object, no nodes job", async () => {
    const r = await renderPhase("phase2", { helm, set: { "monitoring.rbac.namespaced": true } });
    expect(rbacKinds(r).sort()).toEqual(["Role/vendata-prometheus", "RoleBinding/vendata-prometheus"]);
    assertValidKubernetesObjects(r.objects);
    const role = r.find("Role", "vendata-prometheus");
    expect(role.metadata?.namespace).toBe("vendata");
    expect(role.rules).toEqual([{ apiGroups: [""], resources: ["pods", "services", "endpoints"], verbs: ["get", "list", "watch"] }]);
    const binding = r.find("RoleBinding", "vendata-prometheus");
    expect(binding.metadata?.namespace).toBe("vendata");
    expect(binding.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "vendata-prometheus" });
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "vendata-prometheus", namespace: "vendata" }]);
    const config = prometheusConfig(r).scrape_configs as { job_name: string; kubernetes_sd_configs: { role: string; namespaces?: { names: string[] } }[] }[];
    expect(config.map((j) => j.job_name)).toEqual(["kubernetes-pods"]);
    expect(config[0]?.kubernetes_sd_configs).toEqual([{ role: "pod", namespaces: { names: ["vendata"] } }]);
  });

  it("rbac.create false: no role and no binding (bring your own), the ServiceAccount stays", async () => {
    const r = await renderPhase("phase2", { helm, set: { "monitoring.rbac.create": false } });
    expect(rbacKinds(r)).toEqual([]);
    expect(r.find("ServiceAccount", "vendata-prometheus").metadata?.name).toBe("vendata-prometheus");
  });
});

describe("prometheus external labels (global.region)", () => {
  it("phase 4 with charts/vendata/presets/regions/sa-east.yaml labels what its Prometheus sends out region sa-east", async () => {
    const r = await render({ valuesFiles: [...phaseValuesFiles("phase4", "sa-east"), FAKE_SECRETS] });
    expect(prometheusConfig(r).global?.external_labels).toEqual({ region: "sa-east" });
  });

  it("each region's release labels its own region (us-east)", async () => {
    const r = await render({ valuesFiles: [...phaseValuesFiles("phase4", "us-east"), FAKE_SECRETS] });
    expect(prometheusConfig(r).global?.external_labels).toEqual({ region: "us-east" });
  });

  it("phase 3 (one release, no region) has no external labels", async () => {
    const config = prometheusConfig(await renderPhase("phase3"));
    expect(config.global?.scrape_interval).toBe("15s");
    expect(config.global).not.toHaveProperty("external_labels");
  });
});
