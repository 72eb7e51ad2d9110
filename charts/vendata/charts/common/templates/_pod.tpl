{{/*
The top of a pod spec, the same for every workload: no service-account token unless the pod
talks to the API server, global.imagePullSecrets, the restricted pod security context
(vendata.security.pod) and the spread over zones and hosts (vendata.scheduling.spread).
  component                      the pods' component (required unless spread is false)
  user                           uid, gid and fsGroup (vendata.security.pod's default 1000)
  serviceAccount                 a ServiceAccount name: the pod gets it and its token
  restartPolicy                  a Job's (optional)
  enableServiceLinks             false: no *_SERVICE_HOST variables for every Service (optional)
  terminationGracePeriodSeconds  optional (Kubernetes' default 30)
  spread                         false: no topology spread or anti-affinity (a Job's single pod)
Usage: include "vendata.pod.preamble" (dict "context" $ "component" "api" "enableServiceLinks" false "terminationGracePeriodSeconds" 45) | nindent 6
       include "vendata.pod.preamble" (dict "context" $ "user" 999 "restartPolicy" "Never" "spread" false) | nindent 6
*/}}
{{- define "vendata.pod.preamble" -}}
automountServiceAccountToken: {{ not (empty .serviceAccount) }}
{{- with .serviceAccount }}
serviceAccountName: {{ . }}
{{- end }}
{{- with .restartPolicy }}
restartPolicy: {{ . }}
{{- end }}
{{- if hasKey . "enableServiceLinks" }}
enableServiceLinks: {{ .enableServiceLinks }}
{{- end }}
{{- if hasKey . "terminationGracePeriodSeconds" }}
terminationGracePeriodSeconds: {{ .terminationGracePeriodSeconds }}
{{- end }}
{{- include "vendata.images.pullSecrets" . }}
securityContext:
  {{- include "vendata.security.pod" . | nindent 2 }}
{{- /* hasKey: with `default`, "spread" false would read as unset. */}}
{{- if or (not (hasKey . "spread")) .spread }}
{{ include "vendata.scheduling.spread" . }}
{{- end }}
{{- end -}}
