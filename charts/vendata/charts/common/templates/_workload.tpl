{{/*
A Deployment's rollout: RollingUpdate that never goes below the desired pods
(maxUnavailable 0), maxSurge extra pods at a time, and 5 old ReplicaSets kept for rollbacks.
Usage: include "vendata.workload.rollingUpdate" (dict "maxSurge" 2) | nindent 2
*/}}
{{- define "vendata.workload.rollingUpdate" -}}
revisionHistoryLimit: 5
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxSurge: {{ .maxSurge }}
    maxUnavailable: 0
{{- end -}}
