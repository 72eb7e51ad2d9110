{{/*
HorizontalPodAutoscaler with the seed's behaviour: scale up fast (max of 100 % and
5 pods every 15 s, no stabilization), scale down slowly (50 % per 15 s after 300 s).
Usage: include "vendata.hpa.render" (dict "context" $ "component" "api" "autoscaling" .Values.autoscaling)
*/}}
{{- define "vendata.hpa.render" -}}
{{- $a := .autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "vendata.names.fullname" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "vendata.labels.standard" . | nindent 4 }}
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
    scaleDown:
      stabilizationWindowSeconds: 300
      policies:
        - type: Percent
          value: 50
          periodSeconds: 15
    scaleUp:
      stabilizationWindowSeconds: 0
      selectPolicy: Max
      policies:
        - type: Percent
          value: 100
          periodSeconds: 15
        - type: Pods
          value: 5
          periodSeconds: 15
{{- end -}}
