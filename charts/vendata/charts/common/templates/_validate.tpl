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
{{- $maxmemory := include "vendata.validate.bytes" $r.maxmemory | float64 -}}
{{- $limit := include "vendata.validate.bytes" $r.resources.limits.memory | float64 -}}
{{- if gt (mulf $maxmemory 5) (mulf $limit 4) -}}
{{- fail (printf "redis.maxmemory (%s) must be at most 80%% of redis.resources.limits.memory (%s): Redis needs the rest for fragmentation, client buffers and the append-only-file rewrite" $r.maxmemory (include "vendata.validate.text" $r.resources.limits.memory)) -}}
{{- end -}}
{{- end -}}

{{/*
Bytes in a Redis size (2gb: 1024-based, 2g: 1000-based) or a Kubernetes quantity
(4Gi, 4G, 4096M, a plain number), as a string for `float64`.
Usage: include "vendata.validate.bytes" "4Gi"
*/}}
{{- define "vendata.validate.bytes" -}}
{{- $text := include "vendata.validate.text" . -}}
{{- $number := regexFind "^[0-9]+(\\.[0-9]+)?" $text -}}
{{- $unit := trimPrefix $number $text -}}
{{- $units := dict "" 1.0 "m" 0.001 "k" 1e3 "M" 1e6 "G" 1e9 "T" 1e12 "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0 "kb" 1024.0 "mb" 1048576.0 "gb" 1073741824.0 -}}
{{- if or (not $number) (not (hasKey $units $unit)) -}}
{{- fail (printf "cannot read %q as a size" $text) -}}
{{- end -}}
{{- mulf (float64 $number) (get $units $unit) -}}
{{- end -}}

{{/* A value as the user wrote it: YAML numbers come in as float64, printed without an exponent. */}}
{{- define "vendata.validate.text" -}}
{{- if kindIs "string" . }}{{ . }}{{ else }}{{ int64 . }}{{ end -}}
{{- end -}}
