{{/*
The data volume "data" of a StatefulSet's pods, from a chart's persistence values
(enabled, size, storageClass, accessModes, annotations, existingClaim): a claim per pod
from volumeClaimTemplates; with existingClaim, that claim instead (the chart refuses it
for more than one pod: vendata.validate.existingClaim); with enabled false, an emptyDir
(lost whenever the pod restarts). The caller mounts "data" and places both helpers, each
rendering nothing when it has nothing to add (wrap them in `with`).
*/}}

{{/*
The StorageClass of a claim: its own, else global.defaultStorageClass; empty: the cluster's default.
Usage: include "vendata.persistence.storageClass" (dict "context" $ "storageClass" .Values.backup.volume.storageClass)
*/}}
{{- define "vendata.persistence.storageClass" -}}
{{- .storageClass | default (.context.Values.global).defaultStorageClass -}}
{{- end -}}

{{/*
spec.volumeClaimTemplates, or nothing with existingClaim or enabled false.
Usage: {{- with include "vendata.persistence.claimTemplates" (dict "context" $ "persistence" .Values.persistence) }}{{ . | nindent 2 }}{{ end }}
*/}}
{{- define "vendata.persistence.claimTemplates" -}}
{{- $p := .persistence -}}
{{- if and $p.enabled (not $p.existingClaim) -}}
volumeClaimTemplates:
  - metadata:
      name: data
      {{- with $p.annotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      accessModes: {{ toJson $p.accessModes }}
      {{- with include "vendata.persistence.storageClass" (dict "context" .context "storageClass" $p.storageClass) }}
      storageClassName: {{ . | quote }}
      {{- end }}
      resources:
        requests:
          storage: {{ $p.size }}
{{- end -}}
{{- end -}}

{{/*
The pod's volume "data" when it is not claimed from the template: existingClaim, or an emptyDir.
Usage: {{- with include "vendata.persistence.volume" (dict "persistence" .Values.persistence) }}{{ . | nindent 8 }}{{ end }}
*/}}
{{- define "vendata.persistence.volume" -}}
{{- $p := .persistence -}}
{{- if not $p.enabled -}}
- name: data
  emptyDir: {}
{{- else if $p.existingClaim -}}
- name: data
  persistentVolumeClaim:
    claimName: {{ $p.existingClaim }}
{{- end -}}
{{- end -}}
