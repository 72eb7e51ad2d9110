{{/*
A workload's ServiceAccount (values serviceAccount: create, name, annotations): its name,
and the object when create is true. Pods use it through vendata.pod.preamble.
*/}}

{{/*
The name the pods use: with create, name or <release>-<component>; without, name (empty:
the namespace's default, and no serviceAccountName is rendered).
Usage: include "vendata.serviceaccount.name" (dict "context" $ "component" "api" "serviceAccount" .Values.serviceAccount)
*/}}
{{- define "vendata.serviceaccount.name" -}}
{{- $sa := .serviceAccount | default dict -}}
{{- if $sa.create }}{{ $sa.name | default (include "vendata.names.fullname" .) }}{{ else }}{{ $sa.name | default "" }}{{ end -}}
{{- end -}}

{{/*
The ServiceAccount object, when serviceAccount.create (else nothing).
Usage: include "vendata.serviceaccount.render" (dict "context" $ "component" "api" "serviceAccount" .Values.serviceAccount)
*/}}
{{- define "vendata.serviceaccount.render" -}}
{{- $sa := .serviceAccount | default dict -}}
{{- if $sa.create -}}
{{ include "vendata.metadata.header" (merge (dict "apiVersion" "v1" "kind" "ServiceAccount" "name" $sa.name "annotations" $sa.annotations) .) }}
{{- end -}}
{{- end -}}
