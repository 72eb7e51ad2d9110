{{/*
Image reference: [registry/]repository:tag[@digest]. The tag defaults to the chart's
appVersion; a digest, when given, pins the exact image.
Usage: include "vendata.images.image" (dict "context" $ "image" .Values.image)
*/}}
{{- define "vendata.images.image" -}}
{{- $registry := .image.registry | default ((.context.Values.global).imageRegistry) | default "" -}}
{{- $tag := .image.tag | default .context.Chart.AppVersion | toString -}}
{{- $ref := printf "%s:%s" .image.repository $tag -}}
{{- if $registry }}{{ $ref = printf "%s/%s" $registry $ref }}{{ end -}}
{{- if .image.digest }}{{ $ref = printf "%s@%s" $ref .image.digest }}{{ end -}}
{{- $ref -}}
{{- end -}}

{{/* imagePullSecrets from global.imagePullSecrets (a list of names). */}}
{{- define "vendata.images.pullSecrets" -}}
{{- with (.context.Values.global).imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . | quote }}
{{- end }}
{{- end }}
{{- end -}}
