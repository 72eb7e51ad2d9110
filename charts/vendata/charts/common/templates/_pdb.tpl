{{/*
A PodDisruptionBudget for a component, rendered only when it runs more than one pod
(a PDB on a single pod would block every node drain).
Usage: include "vendata.pdb.render" (dict "context" $ "component" "api" "replicas" 3 "maxUnavailable" 1)
*/}}
{{- define "vendata.pdb.render" -}}
{{- if gt (int .replicas) 1 }}
---
{{ include "vendata.metadata.header" (merge (dict "apiVersion" "policy/v1" "kind" "PodDisruptionBudget") .) }}
spec:
  maxUnavailable: {{ .maxUnavailable | default 1 }}
  {{- include "vendata.labels.workloadSelector" . | nindent 2 }}
{{- end }}
{{- end -}}
