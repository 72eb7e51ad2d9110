{{/*
The frontend chart's rules across its own keys, all checked at once (templates/validate.yaml).
Where nginx sends / (nginx.frontend.*) is checked by the umbrella.
Usage: include "frontend.validate" $
*/}}
{{- define "frontend.validate" -}}
{{- include "vendata.validate.fail" (dict "chart" "frontend" "messages" (list
  (include "vendata.validate.resources" (dict "key" "frontend.resources" "resources" .Values.resources))
  (include "vendata.validate.imageTags" (dict "key" "frontend" "values" .Values))
  (include "vendata.validate.pod" (dict "context" $ "key" "frontend" "component" "frontend" "values" .Values))
)) -}}
{{- end -}}
