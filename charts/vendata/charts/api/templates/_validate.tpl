{{/*
The API chart's rules across its own keys, all checked at once (templates/validate.yaml).
Usage: include "api.validate" $
*/}}
{{- define "api.validate" -}}
{{- include "vendata.validate.fail" (dict "chart" "api" "messages" (list
  (include "vendata.validate.autoscaling" (dict "key" "api.autoscaling" "autoscaling" .Values.autoscaling))
  (include "vendata.validate.gracePeriod" (dict "key" "api" "values" .Values))
  (include "vendata.validate.resources" (dict "key" "api.resources" "resources" .Values.resources))
  (include "vendata.validate.imageTags" (dict "key" "api" "values" .Values))
)) -}}
{{- end -}}
