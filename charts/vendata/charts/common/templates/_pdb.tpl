{{/*
A PodDisruptionBudget for a component, rendered only when it runs more than one pod
(a PDB on a single pod would block every node drain).
Usage: include "vendata.pdb.render" (dict "context" $ "component" "api" "replicas" 3 "maxUnavailable" 1)
*/}}
{{- define "vendata.pdb.render" -}}
{{- if gt (int .replicas) 1 }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "vendata.names.fullname" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "vendata.labels.standard" . | nindent 4 }}
spec:
  maxUnavailable: {{ .maxUnavailable | default 1 }}
  selector:
    matchLabels:
      {{- include "vendata.labels.selector" . | nindent 6 }}
{{- end }}
{{- end -}}
