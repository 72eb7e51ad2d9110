{{/*
The NetworkPolicy of one component group: "<release>-allow-<group>", selecting the pods
whose app.kubernetes.io/component label is "group" (given explicitly, never derived from
a component's name). The umbrella denies everything by default (and allows DNS); this
policy adds the group's own flows. A peer group is a component label of this release.
Each chart renders the policies of its groups, under the same condition as their pods;
this renders nothing unless global.networkPolicy.enabled.
  group      the pods' component label (required)
  from       groups that may connect in, on any port
  openPorts  ports (names or numbers) open to any address: the entry points
  to         groups it may connect to, on any port
  peerCidrs  addresses allowed both in and out (the other regions' replica-set members)
  egress     further egress rules, as Kubernetes writes them (outside services, {} for anywhere)
  networkPolicy  the component's networkPolicy values, appended after the chart's own rules:
             allowExternalEgress (0.0.0.0/0 except global.networkPolicy.clusterCidrs),
             extraIngress, extraEgress (rules as Kubernetes writes them)
  metrics    the chart's metrics values when the group's pods run an exporter: with
             metrics.enabled, global.networkPolicy.metrics (an external Prometheus's
             namespaceSelector and/or podSelector) may reach metrics.port
A direction with no rule is denied. The chart's own Prometheus scrapes through the monitoring chart's policy.
Usage: include "vendata.networkpolicy.render" (dict "context" $ "group" "api" "from" (list "nginx") "to" (list "mongo") "networkPolicy" .Values.networkPolicy)
*/}}
{{- define "vendata.networkpolicy.render" -}}
{{- if ((.context.Values.global).networkPolicy | default dict).enabled }}
{{- $instance := dict "app.kubernetes.io/instance" .context.Release.Name -}}
{{- $from := .from | default list -}}
{{- $openPorts := .openPorts | default list -}}
{{- $to := .to | default list -}}
{{- $peerCidrs := .peerCidrs | default list -}}
{{- $egress := .egress | default list -}}
{{- $np := .networkPolicy | default dict -}}
{{- $extraIngress := $np.extraIngress | default list -}}
{{- $extraEgress := $np.extraEgress | default list -}}
{{- /* The external Prometheus, one peer: both selectors ANDed, as Kubernetes reads a peer. */ -}}
{{- $scraper := dict -}}
{{- if (.metrics | default dict).enabled -}}
  {{- range $key, $selector := (.context.Values.global.networkPolicy.metrics | default dict) -}}
    {{- if $selector }}{{ $_ := set $scraper $key $selector }}{{ end -}}
  {{- end -}}
{{- end -}}
{{ include "vendata.metadata.header" (dict "context" .context "component" "network" "apiVersion" "networking.k8s.io/v1" "kind" "NetworkPolicy" "name" (include "vendata.names.fullname" (dict "context" .context "component" (printf "allow-%s" .group)))) }}
spec:
  podSelector:
    matchLabels:
      {{- toYaml (merge (dict "app.kubernetes.io/component" .group) $instance) | nindent 6 }}
  policyTypes: [Ingress, Egress]
  {{- if or $openPorts $from $peerCidrs $scraper $extraIngress }}
  ingress:
    {{- with $openPorts }}
    - ports:
        {{- range . }}
        - { protocol: TCP, port: {{ . }} }
        {{- end }}
    {{- end }}
    {{- with $from }}
    - from:
        {{- range . }}
        - podSelector:
            matchLabels:
              {{- toYaml (merge (dict "app.kubernetes.io/component" .) $instance) | nindent 14 }}
        {{- end }}
    {{- end }}
    {{- with $peerCidrs }}
    - from:
        {{- range . }}
        - ipBlock: { cidr: {{ . | quote }} }
        {{- end }}
    {{- end }}
    {{- with $scraper }}
    - from:
        - {{ toYaml . | nindent 10 | trim }}
      ports:
        - { protocol: TCP, port: {{ $.metrics.port }} }
    {{- end }}
    {{- with $extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
  {{- if or $egress $peerCidrs $to $np.allowExternalEgress $extraEgress }}
  egress:
    {{- with $egress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $peerCidrs }}
    - to:
        {{- range . }}
        - ipBlock: { cidr: {{ . | quote }} }
        {{- end }}
    {{- end }}
    {{- range $to }}
    - to:
        - podSelector:
            matchLabels:
              {{- toYaml (merge (dict "app.kubernetes.io/component" .) $instance) | nindent 14 }}
    {{- end }}
    {{- if $np.allowExternalEgress }}
    # Anywhere outside the cluster: its own pod and Service addresses are left out.
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            {{- with .context.Values.global.networkPolicy.clusterCidrs }}
            except:
              {{- toYaml . | nindent 14 }}
            {{- end }}
    {{- end }}
    {{- with $extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
{{- end }}
{{- end -}}
