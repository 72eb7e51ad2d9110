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
  {
    rule: "a privileged main container and an added capability other than NET_BIND_SERVICE",
    phase: "phase1",
    values: { api: { containerSecurityContext: { privileged: true, capabilities: { add: ["NET_ADMIN"] } } } },
    messages: [
      "api.containerSecurityContext.privileged (true) breaks the restricted Pod Security Standard; set api.allowUnrestricted: true to allow it (the namespace must admit such pods)",
      "api.containerSecurityContext.capabilities.add (NET_ADMIN): only NET_BIND_SERVICE breaks the restricted Pod Security Standard",
    ],
  },
  {
    rule: "pods that may run as root, or without seccomp",
    phase: "phase1",
    values: { api: { podSecurityContext: { runAsNonRoot: false, seccompProfile: { type: "Unconfined" } } } },
    messages: [
      "api.podSecurityContext.runAsNonRoot (false): the pods must run as non-root breaks the restricted Pod Security Standard",
      "api.podSecurityContext.seccompProfile.type (Unconfined): only RuntimeDefault or Localhost breaks the restricted Pod Security Standard",
    ],
  },
  {
    rule: "a sidecar that may escalate its privileges, and a hostPath volume",
    phase: "phase1",
    values: { api: { sidecars: [{ name: "agent", image: "agent:1.0", securityContext: { allowPrivilegeEscalation: true } }], extraVolumes: [{ name: "logs-host", hostPath: { path: "/var/log" } }] } },
    messages: [
      "api.sidecars[0].securityContext.allowPrivilegeEscalation (true): must be false breaks the restricted Pod Security Standard",
      "api.extraVolumes[0] (logs-host): a hostPath volume breaks the restricted Pod Security Standard",
    ],
  },
  {
    rule: "a pod label the chart's selectors use, and an annotation the chart sets",
    phase: "phase1",
    values: { api: { podLabels: { "app.kubernetes.io/name": "other" }, podAnnotations: { "checksum/config": "x" } } },
    messages: [
      "api.podLabels.app.kubernetes.io/name: the chart sets this label itself",
      "api.podAnnotations.checksum/config: the chart sets this annotation itself; podAnnotations can only add annotations",
    ],
  },
  {
    rule: "a variable the chart computes, in config or in extraEnvVars",
    phase: "phase2",
    values: { api: { config: { MONGODB_URI: "mongodb://elsewhere" }, extraEnvVars: [{ name: "REDIS_URL", value: "redis://elsewhere" }] } },
    messages: [
      "api.extraEnvVars[0] (REDIS_URL): the chart computes this variable itself; it cannot be overridden",
      "api.config.MONGODB_URI: the chart computes this variable itself (connections, secrets, MONGODB_URI); it cannot be set here",
    ],
  },
]);
