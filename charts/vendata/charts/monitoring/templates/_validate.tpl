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
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "monitoring.prometheus" "component" "prometheus" "values" $v.prometheus)) -}}
{{- /* kubernetes_sd_configs lists pods and nodes through the API server. */ -}}
{{- $sa := $v.prometheus.serviceAccount -}}
{{- if not (or $sa.create $sa.name) -}}
{{- $messages = append $messages "monitoring.prometheus.serviceAccount: create it, or name an existing one: Prometheus lists pods and nodes through the API server with its ServiceAccount (bound by the chart's role binding, rbac.create)" -}}
{{- end -}}
{{- if not $sa.automountServiceAccountToken -}}
{{- $messages = append $messages "monitoring.prometheus.serviceAccount.automountServiceAccountToken must be true: Prometheus lists pods and nodes through the API server with its token" -}}
{{- end -}}
{{- if $v.grafana.enabled -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "monitoring.grafana.resources" "resources" $v.grafana.resources)) -}}
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "monitoring.grafana" "component" "grafana" "values" $v.grafana)) -}}
{{- end -}}
{{- include "vendata.validate.fail" (dict "chart" "monitoring" "messages" $messages) -}}
{{- end -}}
