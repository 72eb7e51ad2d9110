{{/*
The nginx chart's rules across its own keys, all checked at once (templates/validate.yaml).
Usage: include "nginx.validate" $
*/}}
{{- define "nginx.validate" -}}
{{- $v := .Values -}}
{{- $messages := list
  (include "vendata.validate.autoscaling" (dict "key" "nginx.autoscaling" "autoscaling" $v.autoscaling))
  (include "vendata.validate.gracePeriod" (dict "key" "nginx" "values" $v))
  (include "vendata.validate.resources" (dict "key" "nginx.resources" "resources" $v.resources))
  (include "vendata.validate.imageTags" (dict "key" "nginx" "values" $v))
  (include "vendata.validate.pod" (dict "context" $ "key" "nginx" "component" "nginx" "values" $v "metrics" $v.metrics))
-}}
{{- if $v.metrics.enabled -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "nginx.metrics.resources" "resources" $v.metrics.resources)) -}}
{{- end -}}
{{- if and $v.tls.enabled (not $v.tls.secretName) (not $v.certificate.enabled) -}}
{{- $messages = append $messages "nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true (or nginx.certificate.enabled writes one)" -}}
{{- end -}}
{{- $s := $v.service -}}
{{- range $key := list "loadBalancerClass" "loadBalancerIP" -}}
{{- if and (get $s $key) (ne $s.type "LoadBalancer") -}}
{{- $messages = append $messages (printf "nginx.service.%s (%s) needs nginx.service.type LoadBalancer (is %s)" $key (get $s $key) $s.type) -}}
{{- end -}}
{{- end -}}
{{- range $port := list "http" "https" -}}
{{- $nodePort := int (get $s.nodePorts $port) -}}
{{- if and $nodePort (eq $s.type "ClusterIP") -}}
{{- $messages = append $messages (printf "nginx.service.nodePorts.%s (%d) needs nginx.service.type NodePort or LoadBalancer (is ClusterIP)" $port $nodePort) -}}
{{- end -}}
{{- end -}}
{{- if and (int $s.nodePorts.https) (not $v.tls.enabled) -}}
{{- $messages = append $messages (printf "nginx.service.nodePorts.https (%d) needs nginx.tls.enabled (without TLS the Service has no https port)" (int $s.nodePorts.https)) -}}
{{- end -}}
{{- range $key, $on := dict "certificate.enabled" $v.certificate.enabled "tls.reload.enabled" $v.tls.reload.enabled -}}
{{- if and $on (not $v.tls.enabled) -}}
{{- $messages = append $messages (printf "nginx.%s needs nginx.tls.enabled (nginx serves no certificate without it)" $key) -}}
{{- end -}}
{{- end -}}
{{- if $v.certificate.enabled -}}
{{- if not $v.certificate.issuerRef.name -}}
{{- $messages = append $messages "nginx.certificate.issuerRef.name must name the cert-manager Issuer or ClusterIssuer when nginx.certificate.enabled is true" -}}
{{- end -}}
{{- $duration := trimSuffix "h" $v.certificate.duration | int -}}
{{- $renewBefore := trimSuffix "h" $v.certificate.renewBefore | int -}}
{{- if ge $renewBefore $duration -}}
{{- $messages = append $messages (printf "nginx.certificate.renewBefore (%s) must be shorter than nginx.certificate.duration (%s)" $v.certificate.renewBefore $v.certificate.duration) -}}
{{- end -}}
{{- end -}}
{{- /* The Ingress and the HTTPRoute send plain HTTP to nginx's http port. */ -}}
{{- range $key, $on := dict "httpRoute" $v.httpRoute.enabled "ingress" $v.ingress.enabled -}}
{{- if and $on $v.tls.enabled $v.tls.redirectHttp -}}
{{- $messages = append $messages (printf "nginx.%s.enabled needs nginx.tls.redirectHttp false (or nginx.tls.enabled false): it sends plain HTTP to nginx, which would redirect it to HTTPS forever" $key) -}}
{{- end -}}
{{- end -}}
{{- if and $v.httpRoute.enabled (not $v.httpRoute.parentRefs) -}}
{{- $messages = append $messages "nginx.httpRoute.parentRefs must name at least one Gateway when nginx.httpRoute.enabled is true (a route without a parent receives no traffic)" -}}
{{- end -}}
{{- include "vendata.validate.fail" (dict "chart" "nginx" "messages" $messages) -}}
{{- end -}}
