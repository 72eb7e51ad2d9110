{{/*
Pieces of nginx.conf (see configmap.yaml). Named "nginx.config.*": local to this chart.
*/}}

{{/* "listen" for a port, on listenAddress when one is set. Usage: include "nginx.config.listen" (dict "context" $ "port" 8080 "params" "ssl") */}}
{{- define "nginx.config.listen" -}}
{{- $address := .context.Values.listenAddress -}}
listen {{ if $address }}{{ $address }}:{{ end }}{{ .port }}{{ with .params }} {{ . }}{{ end }};
{{- end -}}

{{/* Fully qualified name of a Service of this release: nginx's resolver uses no search domains. */}}
{{- define "nginx.config.serviceFqdn" -}}
{{- printf "%s.%s.svc.%s" .name .context.Release.Namespace .context.Values.clusterDomain -}}
{{- end -}}

{{/* host:port of the API's pods (the headless Service has one record per ready pod). */}}
{{- define "nginx.config.apiAddress" -}}
{{- $headless := include "vendata.names.headless" (dict "context" .context "component" "api" "owner" (dict "chart" "api")) -}}
{{- printf "%s:%d" (include "nginx.config.serviceFqdn" (dict "context" .context "name" $headless)) (int .context.Values.api.port) -}}
{{- end -}}

{{/* host:port of the frontend: frontend.host, or, when it is empty, this release's frontend Service (the frontend chart's). */}}
{{- define "nginx.config.frontendAddress" -}}
{{- $f := .context.Values.frontend -}}
{{- $service := include "nginx.config.serviceFqdn" (dict "context" .context "name" (include "vendata.names.fullname" (dict "context" .context "component" "frontend" "owner" (dict "chart" "frontend")))) -}}
{{- printf "%s:%d" ($f.host | default $service) (int $f.port) -}}
{{- end -}}

{{/*
proxy_pass to a backend. modern: the upstream block, which re-resolves its servers.
legacy: a variable, so the resolver looks the name up at request time (no upstream
block: no least_conn, keepalive or max_fails; every record is tried in turn).
Usage: include "nginx.config.proxyPass" (dict "context" $ "upstream" "api_backend" "address" "host:port")
*/}}
{{- define "nginx.config.proxyPass" -}}
{{- if eq .context.Values.compatibility "modern" -}}
proxy_pass http://{{ .upstream }};
{{- else -}}
set ${{ .upstream }} {{ .address }};
proxy_pass http://${{ .upstream }};
{{- end -}}
{{- end -}}

{{/*
Headers for a backend. X-Forwarded-For is replaced, not appended to: its head would be
whatever the client wrote, while $remote_addr is the one address nginx has checked
(the realip module takes it from the CDN's header only when the CDN connects).
*/}}
{{- define "nginx.config.proxyHeaders" -}}
proxy_http_version 1.1;
proxy_set_header Connection "";
proxy_set_header Host $host;
proxy_set_header X-Real-IP $remote_addr;
proxy_set_header X-Forwarded-For $remote_addr;
proxy_set_header X-Forwarded-Proto $scheme;
{{- end -}}

{{/* Answers probes without touching a backend or a rate limit. */}}
{{- define "nginx.config.health" -}}
location = /healthz {
    access_log off;
    default_type text/plain;
    return 200 "ok\n";
}
{{- end -}}

{{/* /api/ to the API, / to the frontend, static assets cached for long (no blank lines: indent would pad them). Usage: include "nginx.config.routes" $ */}}
{{- define "nginx.config.routes" -}}
{{- $api := dict "context" . "upstream" "api_backend" "address" (include "nginx.config.apiAddress" (dict "context" .)) -}}
{{- $frontend := dict "context" . "upstream" "frontend_backend" "address" (include "nginx.config.frontendAddress" (dict "context" .)) -}}
{{ include "nginx.config.health" . }}
# ^~ keeps the static-asset regex below from ever taking an /api/ path. No Cache-Control
# is added here: the API decides what may be cached.
location ^~ /api/ {
    limit_req zone=api burst={{ .Values.rateLimits.api.burst }} nodelay;
    {{- include "nginx.config.proxyPass" $api | nindent 4 }}
    {{- include "nginx.config.proxyHeaders" . | nindent 4 }}
    proxy_connect_timeout 30s;
    proxy_send_timeout 30s;
    proxy_read_timeout 30s;
    # A failed pod costs a retry on another one, never an error (POST is not retried).
    proxy_next_upstream error timeout invalid_header http_500 http_502 http_503 http_504;
    proxy_next_upstream_tries 2;
    proxy_next_upstream_timeout 10s;
}
# Static assets: long-lived caching in browsers and the CDN (file names carry a hash).
location ~* \.({{ join "|" .Values.staticAssets.extensions }})$ {
    limit_req zone=general burst={{ .Values.rateLimits.general.burst }} nodelay;
    {{- include "nginx.config.proxyPass" $frontend | nindent 4 }}
    {{- include "nginx.config.proxyHeaders" . | nindent 4 }}
    proxy_hide_header Cache-Control;
    add_header Cache-Control "public, max-age={{ int .Values.staticAssets.maxAgeSeconds }}, immutable" always;
}
location / {
    limit_req zone=general burst={{ .Values.rateLimits.general.burst }} nodelay;
    {{- include "nginx.config.proxyPass" $frontend | nindent 4 }}
    {{- include "nginx.config.proxyHeaders" . | nindent 4 }}
}
{{- end -}}

{{/* worker_processes from the CPU limit ("1", 2, "1500m"; at least 1): "auto" would count the node's cores. */}}
{{- define "nginx.config.workers" -}}
{{- $cpu := toString .Values.resources.limits.cpu -}}
{{- if hasSuffix "m" $cpu -}}
{{- max 1 (div (trimSuffix "m" $cpu | int) 1000) -}}
{{- else -}}
{{- max 1 (floor $cpu | int) -}}
{{- end -}}
{{- end -}}
