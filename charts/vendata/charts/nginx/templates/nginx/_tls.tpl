{{/*
nginx's TLS Secret and its reload. Named "nginx.tls.*": local to this chart.
*/}}

{{/* The Secret nginx mounts: tls.secretName, or <release>-nginx-tls when the chart's Certificate writes it and no name is set. Usage: include "nginx.tls.secretName" $ */}}
{{- define "nginx.tls.secretName" -}}
{{- $default := ternary (printf "%s-tls" (include "vendata.names.fullname" (dict "context" . "component" "nginx"))) "" .Values.certificate.enabled -}}
{{- .Values.tls.secretName | default $default -}}
{{- end -}}

{{/*
The nginx container's shell script when it reloads a renewed certificate (tls.reload.enabled
or certificate.enabled): kubelet swaps a mounted Secret's files in place (never with subPath),
but nginx reads them only at start or on reload. A loop in the same container checksums
them every tls.reload.intervalSeconds and runs `nginx -s reload` on a change: nginx stays
PID 1 after the exec (its stop signal and drain unchanged), the loop shares its pid file and
binary (a sidecar would need shareProcessNamespace and its own image), and a certificate
nginx cannot load leaves the running workers serving the old one, the reload retried at
every check (logged) until a good one comes. A variable in ssl_certificate would reread
the files on every handshake instead. The loop ends with nginx (kill -0 $$: nginx, after
the exec). Usage: include "nginx.tls.reloadScript" $
*/}}
{{- define "nginx.tls.reloadScript" -}}
tls_sum() { cat /etc/nginx/tls/tls.crt /etc/nginx/tls/tls.key | sha256sum; }
seen=$(tls_sum)
while sleep {{ int .Values.tls.reload.intervalSeconds }} && kill -0 $$ 2>/dev/null; do
  now=$(tls_sum)
  if [ "$now" != "$seen" ] && nginx -s reload; then
    echo "tls-reload: the certificate files changed, nginx reloaded" >&2
    seen=$now
  fi
done &
exec nginx "$@"
{{- end -}}
