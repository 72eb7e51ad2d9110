{{/*
Rules across fields that a JSON schema cannot say. Each fails the whole render with
the key and the rule, so a bad value never yields a half-rendered release.
The toolkit (src/values/rules.ts) enforces the same rules.
*/}}

{{/* Usage: include "vendata.validate.autoscaling" (dict "key" "api.autoscaling" "autoscaling" .Values.autoscaling) */}}
{{- define "vendata.validate.autoscaling" -}}
{{- $a := .autoscaling -}}
{{- if and $a.enabled (lt (int $a.maxReplicas) (int $a.minReplicas)) -}}
{{- fail (printf "%s.maxReplicas (%d) must be >= %s.minReplicas (%d)" .key (int $a.maxReplicas) .key (int $a.minReplicas)) -}}
{{- end -}}
{{- end -}}

{{/* Usage: include "vendata.validate.mongo" (dict "mongo" .Values) */}}
{{- define "vendata.validate.mongo" -}}
{{- $m := .mongo -}}
{{- if eq $m.architecture "replicaset" -}}
{{- $votes := int $m.replicaSet.replicas -}}
{{- range $m.replicaSet.externalMembers -}}
{{- if not (hasKey . "votes") }}{{ $votes = add1 $votes }}{{ else }}{{ $votes = add $votes (int .votes) }}{{ end -}}
{{- end -}}
{{- if eq (mod $votes 2) 0 -}}
{{- fail (printf "mongo.replicaSet: the replica set has %d voting members; it must be odd so a majority survives a split (change mongo.replicaSet.replicas or the votes of mongo.replicaSet.externalMembers)" $votes) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Usage: include "vendata.validate.redis" (dict "redis" .Values) */}}
{{- define "vendata.validate.redis" -}}
{{- $r := .redis -}}
{{- if eq $r.mode "cluster" -}}
{{- $perShard := add1 (int $r.cluster.replicasPerMaster) -}}
{{- if or (ne (mod (int $r.cluster.nodes) $perShard) 0) (lt (div (int $r.cluster.nodes) $perShard) 3) -}}
{{- fail (printf "redis.cluster.nodes (%d) must equal masters x (1 + redis.cluster.replicasPerMaster (%d)) with at least 3 masters" (int $r.cluster.nodes) (int $r.cluster.replicasPerMaster)) -}}
{{- end -}}
{{- end -}}
{{- if eq $r.mode "sentinel" -}}
{{- if gt (int $r.sentinel.quorum) (int $r.sentinel.replicas) -}}
{{- fail (printf "redis.sentinel.quorum (%d) must be <= redis.sentinel.replicas (%d), or no failover can ever be agreed" (int $r.sentinel.quorum) (int $r.sentinel.replicas)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
