{{/*
Helpers of the redis chart only (shared helpers live in the library chart, "common").
*/}}

{{/* Where the volume is mounted (Debian's layout, so the tests run the scripts unchanged). */}}
{{- define "redis.dataDir" -}}/var/lib/redis{{- end -}}

{{/* Pods of the StatefulSet: 1 standalone, sentinel.replicas, or cluster.nodes. */}}
{{- define "redis.replicas" -}}
{{- if eq .Values.mode "cluster" -}}{{ .Values.cluster.nodes }}
{{- else if eq .Values.mode "sentinel" -}}{{ .Values.sentinel.replicas }}
{{- else -}}1{{- end -}}
{{- end -}}

{{/*
Environment of every container that runs the chart's scripts (files/*.sh): they
read nothing else, so the tests can run them with the same variables.
Usage: include "redis.env" $
*/}}
{{- define "redis.env" -}}
{{- $ctx := dict "context" . "component" "redis" -}}
{{- $nodes := list -}}
{{- range $i := until (int (include "redis.replicas" .)) -}}
{{- $nodes = append $nodes (include "vendata.names.podHost" (dict "context" $ "component" "redis" "index" $i)) -}}
{{- end -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: POD_HOSTNAME
  value: "$(POD_NAME).{{ include "vendata.names.headless" $ctx }}.{{ .Release.Namespace }}.svc"
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "vendata.secrets.name" $ctx }}
      key: REDIS_PASSWORD
# redis-cli reads the password from here, never from its command line.
- name: REDISCLI_AUTH
  value: "$(REDIS_PASSWORD)"
- name: REDIS_MODE
  value: {{ .Values.mode | quote }}
- name: REDIS_PORT
  value: {{ .Values.port | quote }}
- name: REDIS_DATA_DIR
  value: {{ include "redis.dataDir" . | quote }}
- name: REDIS_NODES
  value: {{ join " " $nodes | quote }}
{{- if eq .Values.mode "cluster" }}
- name: REDIS_CLUSTER_REPLICAS
  value: {{ .Values.cluster.replicasPerMaster | quote }}
{{- end }}
{{- if eq .Values.mode "sentinel" }}
- name: SENTINEL_PORT
  value: {{ .Values.sentinel.port | quote }}
- name: SENTINEL_MASTER_NAME
  value: {{ .Values.sentinel.masterName | quote }}
- name: SENTINEL_QUORUM
  value: {{ .Values.sentinel.quorum | quote }}
- name: SENTINEL_DOWN_AFTER_MS
  value: {{ .Values.sentinel.downAfterMilliseconds | quote }}
- name: SENTINEL_FAILOVER_TIMEOUT_MS
  value: {{ .Values.sentinel.failoverTimeout | quote }}
{{- end }}
{{- end -}}

{{/*
exec probe running files/ping.sh against a port of this pod.
Usage: include "redis.probe" (dict "check" "ready" "port" 6379 "period" 5)
*/}}
{{- define "redis.probe" -}}
exec:
  command: ["/bin/sh", "/etc/redis/ping.sh", {{ .check | quote }}, {{ .port | quote }}]
periodSeconds: {{ .period }}
timeoutSeconds: 5
{{- with .failures }}
failureThreshold: {{ . }}
{{- end }}
{{- end -}}
