{{/*
The top of a pod spec, the same for every workload: no service-account token unless the pod
talks to the API server or its values ask, the pods' ServiceAccount, global.imagePullSecrets,
the restricted pod security context (vendata.security.pod) with values.podSecurityContext
merged over it, priorityClassName, schedulerName, nodeSelector, tolerations and the spread over
zones and hosts (vendata.scheduling.spread).
  component      the pods' component (required unless spread is false)
  values         the workload's pod settings (.Values, .Values.members, .Values.prometheus, ...):
                 nodeSelector, tolerations, affinity, topologySpreadConstraints, priorityClassName,
                 schedulerName, terminationGracePeriodSeconds, podSecurityContext, serviceAccount
  account        the component the ServiceAccount is named after (default: component)
  apiToken       true: the pod talks to the API server and always gets its token (Prometheus)
  beforeObjects  true: a pre-upgrade hook's pod, created before this upgrade's objects, so a
                 ServiceAccount the chart creates may not exist yet: only a named one is used
  user           uid, gid and fsGroup (vendata.security.pod's default 1000)
  restartPolicy  a Job's (optional)
  enableServiceLinks  false: no *_SERVICE_HOST variables for every Service (optional)
  spread         false: no default topology spread or anti-affinity (a Job's single pod);
                 values.affinity and values.topologySpreadConstraints still apply
  initContainers the chart's own init containers (YAML list text, optional), run before
                 values.initContainers (vendata.container.added)
Usage: include "vendata.pod.preamble" (dict "context" $ "component" "api" "values" .Values "enableServiceLinks" false) | nindent 6
       include "vendata.pod.preamble" (dict "context" $ "values" .Values.jobs "account" "mongo-jobs" "user" 999 "restartPolicy" "Never" "spread" false) | nindent 6
*/}}
{{- define "vendata.pod.preamble" -}}
{{- $v := .values | default dict -}}
{{- $sa := $v.serviceAccount | default dict -}}
{{- $account := include "vendata.serviceaccount.name" (dict "context" .context "component" (.account | default .component) "serviceAccount" $sa) -}}
{{- if and .beforeObjects $sa.create }}{{ $account = "" }}{{ end -}}
automountServiceAccountToken: {{ or .apiToken $sa.automountServiceAccountToken | default false }}
{{- with $account }}
serviceAccountName: {{ . }}
{{- end }}
{{- with .restartPolicy }}
restartPolicy: {{ . }}
{{- end }}
{{- if hasKey . "enableServiceLinks" }}
enableServiceLinks: {{ .enableServiceLinks }}
{{- end }}
{{- if not (kindIs "invalid" $v.terminationGracePeriodSeconds) }}
terminationGracePeriodSeconds: {{ int $v.terminationGracePeriodSeconds }}
{{- end }}
{{- with $v.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- with $v.schedulerName }}
schedulerName: {{ . }}
{{- end }}
{{- include "vendata.images.pullSecrets" . }}
securityContext:
  {{- include "vendata.security.pod" (dict "user" .user "override" $v.podSecurityContext) | nindent 2 }}
{{- with $v.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- /* hasKey: with `default`, "spread" false would read as unset. */}}
{{- with include "vendata.scheduling.spread" (dict "context" .context "component" .component "values" $v "defaults" (or (not (hasKey . "spread")) .spread)) | trim }}
{{ . }}
{{- end }}
{{- $added := include "vendata.container.added" (dict "containers" $v.initContainers) }}
{{- if or .initContainers $added }}
initContainers:
  {{- with .initContainers }}{{ . | nindent 2 }}{{ end }}
  {{- with $added }}{{ . | nindent 2 }}{{ end }}
{{- end }}
{{- end -}}

