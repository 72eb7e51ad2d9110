// The monitoring chart's rules (charts/vendata/charts/monitoring/templates/_validate.tpl):
// bad values are refused by the chart, and by the toolkit with the same messages.
import { describe, expect, it } from "vitest";
import { describeRefusals, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

describeRefusals("the monitoring chart refuses", [
  {
    rule: "requests above the limits in the Prometheus and Grafana containers",
    phase: "phase2",
    values: { monitoring: { prometheus: { resources: { requests: { memory: "8Gi" } } }, grafana: { resources: { requests: { cpu: "1" } } } } },
    messages: [
      "monitoring.prometheus.resources.requests.memory (8Gi) must be <= monitoring.prometheus.resources.limits.memory (4Gi)",
      "monitoring.grafana.resources.requests.cpu (1) must be <= monitoring.grafana.resources.limits.cpu (500m)",
    ],
  },
  {
    rule: "a Prometheus CPU limit lowered below its request",
    phase: "phase4",
    values: { monitoring: { prometheus: { resources: { limits: { cpu: "250m" } } } } },
    messages: ["monitoring.prometheus.resources.requests.cpu (500m) must be <= monitoring.prometheus.resources.limits.cpu (250m)"],
  },
  {
    rule: "an existing claim for two Prometheus replicas",
    phase: "phase3",
    values: { monitoring: { prometheus: { persistence: { existingClaim: "prometheus-data" } } } },
    messages: ["monitoring.prometheus.persistence.existingClaim (prometheus-data) is one claim for one pod, but 2 pods would mount it: leave it empty (each pod claims its own volume) or run a single pod"],
  },
  {
    rule: "Prometheus without a ServiceAccount or its token",
    phase: "phase2",
    values: { monitoring: { prometheus: { serviceAccount: { create: false, automountServiceAccountToken: false } } } },
    messages: [
      "monitoring.prometheus.serviceAccount: create it, or name an existing one",
      "monitoring.prometheus.serviceAccount.automountServiceAccountToken must be true",
    ],
  },
  {
    rule: "a Grafana pod label the chart sets",
    phase: "phase2",
    values: { monitoring: { grafana: { podLabels: { "app.kubernetes.io/component": "web" } } } },
    messages: ["monitoring.grafana.podLabels.app.kubernetes.io/component: the chart sets this label itself"],
  },
]);

describe.each(HELM_VERSIONS)("monitoring resources on helm %i", (helm) => {
  it("accepts requests equal to the limits, in other units (0.5 = 500m, 4096Mi = 4Gi)", async () => {
    const values = {
      monitoring: {
        prometheus: { resources: { requests: { cpu: 2, memory: "4096Mi" } } },
        grafana: { resources: { requests: { cpu: 0.5, memory: "512Mi" } } },
      },
    };
    const r = await renderPhase("phase3", { helm, values });
    expect(r.find("StatefulSet", "vendata-prometheus").spec?.template.spec?.containers[0]?.resources?.requests?.memory).toBe("4096Mi");
    expect(toolkitErrors("phase3", values)).toEqual([]);
  });

  it("leaves Grafana's resources unchecked when Grafana is not deployed", async () => {
    const values = { monitoring: { grafana: { enabled: false, resources: { requests: { cpu: "1" } } } } };
    await expect(renderPhase("phase2", { helm, values })).resolves.toBeDefined();
    expect(toolkitErrors("phase2", values)).toEqual([]);
  });
});
