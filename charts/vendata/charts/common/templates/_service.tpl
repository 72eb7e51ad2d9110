{{/*
A Service in front of a component's pods (vendata.labels.selector), each port sent to the
container port of the same name. What only one chart needs (nginx's traffic policy and
source ranges) the chart decides and passes; unset keys are left out.
  component                 the pods' component (required); names the Service
  ports                     list of (dict "name" "http" "port" 80 ["protocol" "TCP"] ["nodePort" 30080])
  annotations               map of the Service's annotations (a load balancer's settings)
  type                      ClusterIP, NodePort or LoadBalancer (unset: Kubernetes' ClusterIP)
  headless                  true: "<release>-<component>-headless" with clusterIP None, one
                            DNS record per pod (StatefulSet members, nginx's upstreams); no type
  publishNotReadyAddresses  true: pods resolve before they are ready (peers forming a set)
  externalTrafficPolicy     NodePort or LoadBalancer: Local keeps the client's address
  loadBalancerSourceRanges  LoadBalancer: the only addresses admitted (empty: everyone)
  loadBalancerClass         LoadBalancer: the implementation that provisions it
  loadBalancerIP            LoadBalancer: the address asked for
  suffix                    "<release>-<component>-<suffix>", a second Service of the same pods (metrics)
  labels                    further labels of the Service (what a ServiceMonitor selects)
Usage: include "vendata.service.render" (dict "context" $ "component" "api" "type" "ClusterIP" "ports" (list (dict "name" "http" "port" .Values.port "protocol" "TCP")))
       include "vendata.service.render" (dict "context" $ "component" "redis" "headless" true "publishNotReadyAddresses" true "ports" $ports)
*/}}
{{- define "vendata.service.render" -}}
{{- $name := include (ternary "vendata.names.headless" "vendata.names.fullname" (.headless | default false)) (merge (dict "kind" "Service") .) -}}
{{- with .suffix }}{{ $name = include "vendata.names.fullname" (dict "context" $.context "component" (printf "%s-%s" $.component .) "kind" "Service") }}{{ end -}}
{{ include "vendata.metadata.header" (merge (dict "apiVersion" "v1" "kind" "Service" "name" $name) .) }}
spec:
  {{- if .headless }}
  clusterIP: None
  {{- end }}
  {{- with .type }}
  type: {{ . }}
  {{- end }}
  {{- with .externalTrafficPolicy }}
  externalTrafficPolicy: {{ . }}
  {{- end }}
  {{- with .loadBalancerSourceRanges }}
  loadBalancerSourceRanges:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .loadBalancerClass }}
  loadBalancerClass: {{ . }}
  {{- end }}
  {{- with .loadBalancerIP }}
  loadBalancerIP: {{ . }}
  {{- end }}
  {{- if .publishNotReadyAddresses }}
  publishNotReadyAddresses: true
  {{- end }}
  selector:
    {{- include "vendata.labels.selector" . | nindent 4 }}
  ports:
    {{- range .ports }}
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
      {{- with .protocol }}
      protocol: {{ . }}
      {{- end }}
      {{- with .nodePort }}
      nodePort: {{ . }}
      {{- end }}
    {{- end }}
{{- end -}}
