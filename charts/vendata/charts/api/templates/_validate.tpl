{{/*
The API chart's rules across its own keys, all checked at once (templates/validate.yaml).
Usage: include "api.validate" $
*/}}
{{- define "api.validate" -}}
{{- $computed := concat (include "vendata.connections.apiEnvNames" . | fromJsonArray) (include "api.secretEnv" . | fromJsonArray) (list "MONGODB_URI") -}}
{{- $config := list -}}
{{- range $name, $_ := .Values.config -}}
{{- if has $name $computed }}{{ $config = append $config (printf "api.config.%s: the chart computes this variable itself (connections, secrets, MONGODB_URI); it cannot be set here" $name) }}{{ end -}}
{{- end -}}
{{- include "vendata.validate.fail" (dict "chart" "api" "messages" (concat (list
  (include "vendata.validate.autoscaling" (dict "key" "api.autoscaling" "autoscaling" .Values.autoscaling))
  (include "vendata.validate.gracePeriod" (dict "key" "api" "values" .Values))
  (include "vendata.validate.resources" (dict "key" "api.resources" "resources" .Values.resources))
  (include "vendata.validate.imageTags" (dict "key" "api" "values" .Values))
  (include "vendata.validate.pod" (dict "context" $ "key" "api" "component" "api" "values" .Values "reservedEnv" (concat $computed (keys .Values.config))))
) $config)) -}}
{{- end -}}

{{/* The API's variables from the stack's Secret, secretKeyRef each (JSON list). */}}
{{- define "api.secretEnv" -}}
{{- list "JWT_SECRET" "MONGODB_PASSWORD" "REDIS_PASSWORD" "ADMIN_TOKEN" | toJson -}}
{{- end -}}
