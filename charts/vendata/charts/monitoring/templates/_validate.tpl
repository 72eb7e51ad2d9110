{{/*
The monitoring chart's rules across its own keys, all checked at once (templates/validate.yaml).
Messages name the keys as the umbrella knows them (monitoring.*). Grafana's are checked
only when it is deployed.
Usage: include "monitoring.validate" $
*/}}
{{- define "monitoring.validate" -}}
{{- $v := .Values -}}
{{- $messages := list (include "vendata.validate.resources" (dict "key" "monitoring.prometheus.resources" "resources" $v.prometheus.resources)) (include "vendata.validate.imageTags" (dict "key" "monitoring" "values" $v)) -}}
{{- $messages = append $messages (include "vendata.validate.existingClaim" (dict "key" "monitoring.prometheus.persistence" "persistence" $v.prometheus.persistence "pods" $v.prometheus.replicas)) -}}
{{- if $v.grafana.enabled -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "monitoring.grafana.resources" "resources" $v.grafana.resources)) -}}
{{- end -}}
{{- include "vendata.validate.fail" (dict "chart" "monitoring" "messages" $messages) -}}
{{- end -}}
