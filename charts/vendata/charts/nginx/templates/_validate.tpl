{{/*
The nginx chart's rules across its own keys, all checked at once (templates/validate.yaml).
Usage: include "nginx.validate" $
*/}}
{{- define "nginx.validate" -}}
{{- $v := .Values -}}
{{- $messages := list
  (include "vendata.validate.autoscaling" (dict "key" "nginx.autoscaling" "autoscaling" $v.autoscaling))
  (include "vendata.validate.gracePeriod" (dict "key" "nginx" "values" $v))
  (include "vendata.validate.resources" (dict "key" "nginx.resources" "resources" $v.resources))
  (include "vendata.validate.pod" (dict "context" $ "key" "nginx" "component" "nginx" "values" $v "metrics" $v.metrics))
-}}
{{- if $v.metrics.enabled -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "nginx.metrics.resources" "resources" $v.metrics.resources)) -}}
{{- end -}}
{{- if and $v.tls.enabled (not $v.tls.secretName) -}}
{{- $messages = append $messages "nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true" -}}
{{- end -}}
{{- include "vendata.validate.fail" (dict "chart" "nginx" "messages" $messages) -}}
{{- end -}}
