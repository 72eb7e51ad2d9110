{{/*
Spread a component's pods over zones and hosts (best effort, so a small cluster
still schedules), plus the seed's preferred anti-affinity on the host.
Usage: include "vendata.scheduling.spread" (dict "context" $ "component" "api")
*/}}
{{- define "vendata.scheduling.spread" -}}
topologySpreadConstraints:
{{- range list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - maxSkew: 1
    topologyKey: {{ . }}
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "vendata.labels.selector" $ | nindent 8 }}
{{- end }}
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "vendata.labels.selector" . | nindent 14 }}
{{- end -}}
