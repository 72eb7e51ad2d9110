{{/*
Pod and container security contexts that pass the "restricted" Pod Security Standard, with
an override (podSecurityContext, containerSecurityContext, a container's own securityContext)
merged over them key by key: a map such as capabilities or seccompProfile is merged one level
down, a list (capabilities.add, drop) replaced. The chart's rules refuse an override that
breaks the profile (vendata.validate.pod) unless allowUnrestricted.
Usage: include "vendata.security.pod" (dict "user" 1000 ["override" .Values.podSecurityContext])
       include "vendata.security.container" (dict ["override" .Values.containerSecurityContext])
*/}}
{{- define "vendata.security.pod" -}}
{{- include "vendata.security.merge" (dict "override" .override "restricted" (printf `runAsNonRoot: true
runAsUser: %[1]v
runAsGroup: %[1]v
fsGroup: %[1]v
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault` (.user | default 1000))) -}}
{{- end -}}

{{- define "vendata.security.container" -}}
{{- include "vendata.security.merge" (dict "override" .override "restricted" `runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault`) -}}
{{- end -}}

{{/* The restricted context (YAML text) as is, or with the override merged over it (set, so false wins too). */}}
{{- define "vendata.security.merge" -}}
{{- if .override -}}
{{- $out := fromYaml .restricted -}}
{{- range $key, $value := .override -}}
{{- $own := get $out $key -}}
{{- if and (kindIs "map" $value) (kindIs "map" $own) -}}
{{- $inner := deepCopy $own -}}
{{- range $k, $v := $value }}{{ $_ := set $inner $k $v }}{{ end -}}
{{- $_ := set $out $key $inner -}}
{{- else -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- else -}}
{{- .restricted -}}
{{- end -}}
{{- end -}}
