{{/*
What a workload's values add to its main container and its pod, as list items (YAML text)
a template appends to its own list, or wraps in `with` under the key when it has none.
Each takes the workload's pod settings (.Values, .Values.members, ...) as "values" and
renders nothing when they add nothing.
*/}}

{{/*
values.extraEnvVars, after the chart's own variables (so $(VAR) may name those).
Usage: with include "vendata.container.env" (dict "values" .Values)
*/}}
{{- define "vendata.container.env" -}}
{{- with .values.extraEnvVars }}{{ toYaml . }}{{ end -}}
{{- end -}}

{{/*
envFrom items of values.extraEnvVarsCM and extraEnvVarsSecret (each a name or a list of names).
Usage: with include "vendata.container.envFrom" (dict "values" .Values)
*/}}
{{- define "vendata.container.envFrom" -}}
{{- $sources := list -}}
{{- range include "vendata.container.names" .values.extraEnvVarsCM | fromJsonArray }}{{ $sources = append $sources (dict "configMapRef" (dict "name" .)) }}{{ end -}}
{{- range include "vendata.container.names" .values.extraEnvVarsSecret | fromJsonArray }}{{ $sources = append $sources (dict "secretRef" (dict "name" .)) }}{{ end -}}
{{- with $sources }}{{ toYaml . }}{{ end -}}
{{- end -}}

{{/* A name or a list of names (empty: none), as a JSON list. */}}
{{- define "vendata.container.names" -}}
{{- if kindIs "string" . }}{{ compact (list .) | toJson }}{{ else }}{{ . | default list | toJson }}{{ end -}}
{{- end -}}

{{/*
values.extraVolumeMounts (the main container's).
Usage: with include "vendata.container.volumeMounts" (dict "values" .Values)
*/}}
{{- define "vendata.container.volumeMounts" -}}
{{- with .values.extraVolumeMounts }}{{ toYaml . }}{{ end -}}
{{- end -}}

{{/*
Containers from the values (initContainers, sidecars), each with the chart's restricted
container security context under its own securityContext (vendata.security.container).
Usage: with include "vendata.container.added" (dict "containers" .Values.sidecars)
*/}}
{{- define "vendata.container.added" -}}
{{- $out := list -}}
{{- range .containers -}}
{{- $out = append $out (set (deepCopy .) "securityContext" (include "vendata.security.container" (dict "override" .securityContext) | fromYaml)) -}}
{{- end -}}
{{- with $out }}{{ toYaml . }}{{ end -}}
{{- end -}}
