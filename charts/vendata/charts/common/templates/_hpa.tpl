{{/*
HorizontalPodAutoscaler on CPU and memory, with the seed's behaviour unless
autoscaling.behavior overrides part of it (vendata.hpa.behavior).
Usage: include "vendata.hpa.render" (dict "context" $ "component" "api" "autoscaling" .Values.autoscaling)
*/}}
{{- define "vendata.hpa.render" -}}
{{- $a := .autoscaling -}}
{{ include "vendata.metadata.header" (merge (dict "apiVersion" "autoscaling/v2" "kind" "HorizontalPodAutoscaler") .) }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "vendata.names.fullname" . }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $a.targetMemoryUtilizationPercentage }}
  behavior:
    {{- include "vendata.hpa.behavior" $a | nindent 4 }}
{{- end -}}

{{/*
The HPA's spec.behavior: the seed's (scale up fast: the larger of 100 % and 5 pods every
15 s, no stabilization; scale down slowly: 50 % per 15 s once 300 s have passed) with
autoscaling.behavior merged over it, key by key (a policies list replaces the whole list).
Usage: include "vendata.hpa.behavior" .Values.autoscaling
*/}}
{{- define "vendata.hpa.behavior" -}}
{{- $seed := dict
  "scaleUp" (dict "stabilizationWindowSeconds" 0 "selectPolicy" "Max" "policies" (list
    (dict "type" "Percent" "value" 100 "periodSeconds" 15)
    (dict "type" "Pods" "value" 5 "periodSeconds" 15)))
  "scaleDown" (dict "stabilizationWindowSeconds" 300 "policies" (list
    (dict "type" "Percent" "value" 50 "periodSeconds" 15)))
-}}
{{- toYaml (mergeOverwrite $seed (deepCopy (.behavior | default dict))) -}}
{{- end -}}
