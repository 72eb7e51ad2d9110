{{/*
The Redis chart's rules across its own keys, all checked at once (templates/validate.yaml).
Messages name the keys as the umbrella knows them (redis.*, the alias).
Usage: include "redis.validate" $
*/}}
{{- define "redis.validate" -}}
{{- $r := .Values -}}
{{- $messages := list (include "vendata.validate.resources" (dict "key" "redis.resources" "resources" $r.resources)) (include "vendata.validate.imageTags" (dict "key" "redis" "values" $r)) -}}
{{- if eq $r.mode "cluster" -}}
{{- $perShard := add1 (int $r.cluster.replicasPerMaster) -}}
{{- if or (ne (mod (int $r.cluster.nodes) $perShard) 0) (lt (div (int $r.cluster.nodes) $perShard) 3) -}}
{{- $messages = append $messages (printf "redis.cluster.nodes (%d) must equal masters x (1 + redis.cluster.replicasPerMaster (%d)) with at least 3 masters" (int $r.cluster.nodes) (int $r.cluster.replicasPerMaster)) -}}
{{- end -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "redis.cluster.jobResources" "resources" $r.cluster.jobResources)) -}}
{{- end -}}
{{- if eq $r.mode "sentinel" -}}
{{- if gt (int $r.sentinel.quorum) (int $r.sentinel.replicas) -}}
{{- $messages = append $messages (printf "redis.sentinel.quorum (%d) must be <= redis.sentinel.replicas (%d), or no failover can ever be agreed" (int $r.sentinel.quorum) (int $r.sentinel.replicas)) -}}
{{- end -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "redis.sentinel.resources" "resources" $r.sentinel.resources)) -}}
{{- end -}}
{{- $maxmemory := include "vendata.validate.quantity" $r.maxmemory | float64 -}}
{{- $limit := include "vendata.validate.quantity" $r.resources.limits.memory | float64 -}}
{{- if gt (mulf $maxmemory 5) (mulf $limit 4) -}}
{{- $messages = append $messages (printf "redis.maxmemory (%s) must be at most 80%% of redis.resources.limits.memory (%s): Redis needs the rest for fragmentation, client buffers and the append-only-file rewrite" $r.maxmemory (include "vendata.validate.text" $r.resources.limits.memory)) -}}
{{- end -}}
{{- if $r.metrics.enabled -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "redis.metrics.resources" "resources" $r.metrics.resources)) -}}
{{- end -}}
{{- $messages = append $messages (include "vendata.validate.existingClaim" (dict "key" "redis.persistence" "persistence" $r.persistence "pods" (include "redis.replicas" .))) -}}
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "redis" "component" "redis" "values" $r "metrics" $r.metrics)) -}}
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "redis.jobs" "component" "redis-cluster-create" "values" $r.jobs)) -}}
{{- include "vendata.validate.fail" (dict "chart" "redis" "messages" $messages) -}}
{{- end -}}
