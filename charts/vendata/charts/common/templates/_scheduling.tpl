{{/*
Where a component's pods run. By default (defaults true) they spread over zones and hosts
(best effort, so a small cluster still schedules), plus the seed's preferred anti-affinity
on the host. values.topologySpreadConstraints, when not empty, replaces the default spread
(a constraint without labelSelector gets the pods' selector labels); values.affinity is
merged key by key: its nodeAffinity and podAffinity are added, its podAntiAffinity replaces
the chart's. Empty when there is nothing to render (a Job without such values).
Usage: include "vendata.scheduling.spread" (dict "context" $ "component" "api" "values" .Values ["defaults" false])
*/}}
{{- define "vendata.scheduling.spread" -}}
{{- $v := .values | default dict -}}
{{- $defaults := or (not (hasKey . "defaults")) .defaults -}}
{{- if $v.topologySpreadConstraints }}
{{- $constraints := list }}
{{- range $v.topologySpreadConstraints }}
{{- $c := deepCopy . }}
{{- if and $.component (not (hasKey $c "labelSelector")) }}{{ $_ := set $c "labelSelector" (dict "matchLabels" (include "vendata.labels.selector" $ | fromYaml)) }}{{ end }}
{{- $constraints = append $constraints $c }}
{{- end }}
topologySpreadConstraints:
  {{- toYaml $constraints | nindent 2 }}
{{- else if $defaults }}
topologySpreadConstraints:
{{- range list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - maxSkew: 1
    topologyKey: {{ . }}
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "vendata.labels.selector" $ | nindent 8 }}
{{- end }}
{{- end }}
{{- if $v.affinity }}
{{- $affinity := dict }}
{{- if $defaults }}{{ $_ := set $affinity "podAntiAffinity" (include "vendata.scheduling.antiAffinity" . | fromYaml) }}{{ end }}
{{- range $key, $value := $v.affinity }}{{ $_ := set $affinity $key $value }}{{ end }}
affinity:
  {{- toYaml $affinity | nindent 2 }}
{{- else if $defaults }}
affinity:
  podAntiAffinity:
    {{- include "vendata.scheduling.antiAffinity" . | nindent 4 }}
{{- end }}
{{- end -}}

{{/* The seed's preferred anti-affinity on the host (a podAntiAffinity's content). */}}
{{- define "vendata.scheduling.antiAffinity" -}}
preferredDuringSchedulingIgnoredDuringExecution:
  - weight: 100
    podAffinityTerm:
      topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "vendata.labels.selector" . | nindent 10 }}
{{- end -}}
