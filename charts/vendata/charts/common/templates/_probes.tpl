{{/*
HTTP probes of a container: startupProbe, livenessProbe and readinessProbe, each given as
a map of its path and the timings Kubernetes takes (initialDelaySeconds, periodSeconds,
timeoutSeconds, failureThreshold); only the probes and timings given are rendered, so
Kubernetes' defaults hold for the rest. "port" is the container port's name (default http).
Usage: include "vendata.probes.http" (dict "liveness" (dict "path" "/healthz" "periodSeconds" 10) "readiness" (dict "path" "/ready" "periodSeconds" 5)) | nindent 10
*/}}
{{- define "vendata.probes.http" -}}
{{- $newline := "" -}}
{{- range $probe := list "startup" "liveness" "readiness" -}}
{{- with $given := get $ $probe -}}
{{ $newline }}{{ $probe }}Probe:
  httpGet:
    path: {{ $given.path }}
    port: {{ $.port | default "http" }}
  {{- range $timing := list "initialDelaySeconds" "periodSeconds" "timeoutSeconds" "failureThreshold" }}
  {{- if hasKey $given $timing }}
  {{ $timing }}: {{ get $given $timing }}
  {{- end }}
  {{- end }}
{{- $newline = "\n" -}}
{{- end -}}
{{- end -}}
{{- end -}}
