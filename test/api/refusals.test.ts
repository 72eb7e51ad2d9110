// The API chart's rules (charts/vendata/charts/api/templates/_validate.tpl): bad values
// are refused by the chart, and by the toolkit with the same messages, naming the key.
import { describeRefusals } from "../refusals.ts";

describeRefusals("the api chart refuses", [
  {
    rule: "autoscaling maxReplicas below minReplicas",
    phase: "phase3",
    values: { api: { autoscaling: { minReplicas: 10, maxReplicas: 5 } } },
    messages: ["api.autoscaling.maxReplicas (5) must be >= api.autoscaling.minReplicas (10)"],
  },
  {
    rule: "an API grace period no longer than its preStop sleep",
    phase: "phase3",
    values: { api: { preStopSleepSeconds: 30, terminationGracePeriodSeconds: 30 } },
    messages: ["api.terminationGracePeriodSeconds (30) must be greater than api.preStopSleepSeconds (30), or the pod is killed before it finishes its requests"],
  },
  {
    rule: "requests above the limits, CPU and memory each named",
    phase: "phase1",
    values: { api: { resources: { requests: { cpu: "1500m", memory: "2Gi" } } } },
    messages: ["api.resources.requests.cpu (1500m) must be <= api.resources.limits.cpu (1000m)", "api.resources.requests.memory (2Gi) must be <= api.resources.limits.memory (1024Mi)"],
  },
]);
