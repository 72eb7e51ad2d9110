{{/*
A Prometheus exporter beside a component's main container. Both helpers take the chart's
metrics values (enabled, image, port, resources) and render nothing when metrics are off
(so a caller wraps them in `with` and leaves no empty line).
*/}}

{{/*
Pod annotations that let Prometheus' kubernetes-pods job scrape the exporter on metrics.port.
Usage: include "vendata.metrics.annotations" (dict "context" $ "metrics" .Values.metrics)
*/}}
{{- define "vendata.metrics.annotations" -}}
{{- if .metrics.enabled -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .metrics.port | quote }}
prometheus.io/path: /metrics
{{- end -}}
{{- end -}}

{{/*
The exporter sidecar: container "metrics" serving on its port "metrics" (metrics.port), from
metrics.image with metrics.resources and the restricted security context. The chart passes
what its exporter is told and how it answers, as Kubernetes writes them:
  args, env                       lists (optional)
  livenessProbe, readinessProbe   probes (required)
  protocol                        the port's protocol (optional; Kubernetes' default is TCP)
Usage: include "vendata.metrics.container" (dict "context" $ "metrics" .Values.metrics "args" (list "--web.listen-address=:9113") "livenessProbe" $probe "readinessProbe" $probe)
*/}}
{{- define "vendata.metrics.container" -}}
{{- $m := .metrics -}}
{{- if $m.enabled -}}
- name: metrics
  image: {{ include "vendata.images.image" (dict "context" .context "image" $m.image "key" "metrics.image") }}
  imagePullPolicy: {{ $m.image.pullPolicy }}
  {{- with .args }}
  args:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .env }}
  env:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  ports:
    - name: metrics
      containerPort: {{ $m.port }}
      {{- with .protocol }}
      protocol: {{ . }}
      {{- end }}
  livenessProbe:
    {{- toYaml (required "vendata.metrics.container: livenessProbe is required" .livenessProbe) | nindent 4 }}
  readinessProbe:
    {{- toYaml (required "vendata.metrics.container: readinessProbe is required" .readinessProbe) | nindent 4 }}
  resources:
    {{- toYaml $m.resources | nindent 4 }}
  securityContext:
    {{- include "vendata.security.container" . | nindent 4 }}
{{- end -}}
{{- end -}}

{{/*
The exporter's Service "<release>-<component>-metrics": port "metrics" of the component's
pods, labelled vendata/metrics: "true" so one ServiceMonitor (endpoints: [{port: metrics}])
finds every exporter of the release. The chart's own Prometheus scrapes the pods directly
(vendata.metrics.annotations); this is for a Prometheus outside the release.
Usage: include "vendata.metrics.service" (dict "context" $ "component" "redis" "metrics" .Values.metrics)
*/}}
{{- define "vendata.metrics.service" -}}
{{- if .metrics.enabled -}}
{{- include "vendata.service.render" (dict "context" .context "component" .component "suffix" "metrics" "type" "ClusterIP"
  "labels" (dict "vendata/metrics" "true") "ports" (list (dict "name" "metrics" "port" .metrics.port "protocol" "TCP"))) -}}
{{- end -}}
{{- end -}}
