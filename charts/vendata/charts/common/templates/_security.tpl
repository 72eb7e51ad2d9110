{{/*
Pod and container security contexts that pass the "restricted" Pod Security Standard.
Usage: include "vendata.security.pod" (dict "context" $ "user" 1000)
*/}}
{{- define "vendata.security.pod" -}}
runAsNonRoot: true
runAsUser: {{ .user | default 1000 }}
runAsGroup: {{ .user | default 1000 }}
fsGroup: {{ .user | default 1000 }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "vendata.security.container" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}
