{{/*
Image reference: [registry/]repository:tag[@digest]; a digest, when given, pins the exact
image. An empty tag takes the pinned one: the chart's appVersion for its own image, or,
for any other image (an exporter, a job's tool, a second server), the tag its key has in
the chart's Chart.yaml annotation vendata/pinned-tags (a map from the image's key, as in
values.yaml, to its tag), which the caller names with "key".
Usage: include "vendata.images.image" (dict "context" $ "image" .Values.image)
       include "vendata.images.image" (dict "context" $ "image" .Values.metrics.image "key" "metrics.image")
*/}}
{{- define "vendata.images.image" -}}
{{- $registry := .image.registry | default ((.context.Values.global).imageRegistry) | default "" -}}
{{- $tag := .image.tag | toString -}}
{{- if and (not $tag) .key -}}
{{- $pinned := index (.context.Chart.Annotations | default dict) "vendata/pinned-tags" | default "{}" | fromYaml -}}
{{- $tag = required (printf "%s: Chart.yaml's annotation vendata/pinned-tags pins no tag for %s" .context.Chart.Name .key) (index $pinned .key) | toString -}}
{{- end -}}
{{- $tag = $tag | default .context.Chart.AppVersion -}}
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
