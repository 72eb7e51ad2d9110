{{/*
preStop hook that waits before the container gets SIGTERM, so Service endpoints, DNS
caches and nginx stop sending new requests to the pod first (zero-downtime rollouts).
Kubernetes >= 1.30 sleeps natively (no sleep binary needed in the image); older
clusters run `sleep` from the image. Nothing is rendered for 0 seconds.
Usage: include "vendata.lifecycle.preStopSleep" (dict "context" $ "seconds" 20)
*/}}
{{- define "vendata.lifecycle.preStopSleep" -}}
{{- if gt (int .seconds) 0 -}}
lifecycle:
  preStop:
    {{- if semverCompare ">=1.30-0" .context.Capabilities.KubeVersion.Version }}
    sleep:
      seconds: {{ int .seconds }}
    {{- else }}
    exec:
      command: ["sleep", {{ int .seconds | quote }}]
    {{- end }}
{{- end }}
{{- end -}}
