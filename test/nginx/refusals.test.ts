// The nginx chart's rules (charts/vendata/charts/nginx/templates/_validate.tpl): bad
// values are refused by the chart, and by the toolkit with the same messages.
import { describeRefusals } from "../refusals.ts";

describeRefusals("the nginx chart refuses", [
  {
    rule: "nginx autoscaling maxReplicas below minReplicas",
    phase: "phase4",
    values: { nginx: { autoscaling: { minReplicas: 10, maxReplicas: 3 } } },
    messages: ["nginx.autoscaling.maxReplicas (3) must be >= nginx.autoscaling.minReplicas (10)"],
  },
  {
    rule: "an nginx grace period no longer than its preStop sleep",
    phase: "phase3",
    values: { nginx: { preStopSleepSeconds: 50, terminationGracePeriodSeconds: 45 } },
    messages: ["nginx.terminationGracePeriodSeconds (45) must be greater than nginx.preStopSleepSeconds (50), or the pod is killed before it finishes its requests"],
  },
  {
    rule: "TLS without a Secret",
    phase: "phase3",
    values: { nginx: { tls: { enabled: true, secretName: "" } } },
    messages: ["nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true"],
  },
  {
    rule: "requests above the limits in each of its containers",
    phase: "phase2",
    values: { nginx: { resources: { requests: { memory: "512Mi" } }, metrics: { resources: { requests: { cpu: "200m" } } } } },
    messages: [
      "nginx.resources.requests.memory (512Mi) must be <= nginx.resources.limits.memory (256Mi)",
      "nginx.metrics.resources.requests.cpu (200m) must be <= nginx.metrics.resources.limits.cpu (100m)",
    ],
  },
  {
    rule: "a prometheus.io annotation while the exporter sets them",
    phase: "phase2",
    values: { nginx: { podAnnotations: { "prometheus.io/scrape": "false" } } },
    messages: ["nginx.podAnnotations.prometheus.io/scrape: the chart sets this annotation itself"],
  },
]);
