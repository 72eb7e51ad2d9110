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

{{/* Usage: include "vendata.validate.mongo" (dict "context" $ "mongo" .Values) */}}
{{- define "vendata.validate.mongo" -}}
{{- $m := .mongo -}}
{{- range $i, $o := $m.members.overrides -}}
{{- include "vendata.validate.mongoPriorityZero" (dict "key" (printf "mongo.members.overrides[%d]" $i) "member" $o) -}}
{{- end -}}
{{- range $name, $list := $m.members.external -}}
{{- range $i, $o := $list -}}
{{- include "vendata.validate.mongoPriorityZero" (dict "key" (printf "mongo.members.external.%s[%d]" $name $i) "member" $o) -}}
{{- end -}}
{{- end -}}
{{- /* Only the release that manages the sets knows all their members. */ -}}
{{- if $m.members.manage -}}
{{- range (include "vendata.connections.mongoSets" (dict "context" .context "mongo" $m) | fromJson).sets -}}
{{- $votes := 0 -}}
{{- $electable := 0 -}}
{{- range .members -}}
{{- $votes = add $votes (int .votes) -}}
{{- if and (eq (int .votes) 1) (gt (float64 .priority) 0.0) }}{{ $electable = add1 $electable }}{{ end -}}
{{- end -}}
{{- if eq (mod $votes 2) 0 -}}
{{- fail (printf "mongo.%s: replica set %s has %d voting members; it must be odd so a majority survives a split (votes in mongo.members.overrides and mongo.members.external.%s count too)" .countKey .name $votes .name) -}}
{{- end -}}
{{- if eq $electable 0 -}}
{{- fail (printf "mongo.members: replica set %s has no member that can become primary (one needs votes 1 and priority above 0)" .name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and $m.backup.enabled (eq $m.backup.target "s3") (or (not $m.backup.s3.bucket) (not $m.backup.s3.existingSecret)) -}}
{{- fail "mongo.backup.s3.bucket and mongo.backup.s3.existingSecret are required when mongo.backup.target is s3" -}}
{{- end -}}
{{- end -}}

{{/* MongoDB refuses a hidden or non-voting member whose priority is not 0. */}}
{{- define "vendata.validate.mongoPriorityZero" -}}
{{- $o := .member -}}
{{- if and (or $o.hidden (and (hasKey $o "votes") (eq (int $o.votes) 0))) (hasKey $o "priority") (gt (float64 $o.priority) 0.0) -}}
{{- fail (printf "%s: a hidden or non-voting member must have priority 0" .key) -}}
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

{{/* Usage: include "vendata.validate.gracePeriod" (dict "key" "api" "values" .Values) */}}
{{- define "vendata.validate.gracePeriod" -}}
{{- $grace := int .values.terminationGracePeriodSeconds -}}
{{- $sleep := int .values.preStopSleepSeconds -}}
{{- if le $grace $sleep -}}
{{- fail (printf "%s.terminationGracePeriodSeconds (%d) must be greater than %s.preStopSleepSeconds (%d), or the pod is killed before it finishes its requests" .key $grace .key $sleep) -}}
{{- end -}}
{{- end -}}

{{/* Usage: include "vendata.validate.tls" (dict "tls" .Values.tls) */}}
{{- define "vendata.validate.tls" -}}
{{- if and .tls.enabled (not .tls.secretName) -}}
{{- fail "nginx.tls.secretName must name a kubernetes.io/tls Secret (tls.crt, tls.key) when nginx.tls.enabled is true" -}}
{{- end -}}
{{- end -}}

{{/*
The API's pods must stay up until nginx has re-resolved them away: nginx caches the
headless Service's records for nginx.resolver.validSeconds.
Usage (umbrella): include "vendata.validate.requestPath" (dict "api" .Values.api "nginx" .Values.nginx)
*/}}
{{- define "vendata.validate.requestPath" -}}
{{- if and .api.enabled .nginx.enabled -}}
{{- $sleep := int .api.preStopSleepSeconds -}}
{{- $valid := int .nginx.resolver.validSeconds -}}
{{- if le $sleep $valid -}}
{{- fail (printf "api.preStopSleepSeconds (%d) must be greater than nginx.resolver.validSeconds (%d), or nginx keeps sending requests to API pods that have stopped" $sleep $valid) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Usage: include "vendata.validate.frontend" (dict "frontend" .Values.frontend) */}}
{{- define "vendata.validate.frontend" -}}
{{- if and (not .frontend.deploy) (not .frontend.host) -}}
{{- fail "nginx.frontend.host must name the frontend (a fully qualified name) when nginx.frontend.deploy is false" -}}
{{- end -}}
{{- end -}}

{{/*
External databases (global.externalMongo, global.externalRedis). One that is set while
its bundled database is enabled is refused: the API would not know which to use (and
the API subchart picks its Secret by whether the external one is set). With the API on
and a bundled database off, the external one must be complete.
Usage (umbrella): include "vendata.validate.externalDatabases" (dict "api" .Values.api "mongo" .Values.mongo "redis" .Values.redis "global" .Values.global)
*/}}
{{- define "vendata.validate.externalDatabases" -}}
{{- $mongo := .global.externalMongo | default dict -}}
{{- $redis := .global.externalRedis | default dict -}}
{{- if and .mongo.enabled (include "vendata.connections.externalSet" (dict "external" $mongo)) -}}
{{- fail "global.externalMongo is set while mongo.enabled is true: the API would not know which Mongo to use; set mongo.enabled to false to use the external one, or leave global.externalMongo empty" -}}
{{- end -}}
{{- if and .redis.enabled (include "vendata.connections.externalSet" (dict "external" $redis)) -}}
{{- fail "global.externalRedis is set while redis.enabled is true: the API would not know which Redis to use; set redis.enabled to false to use the external one, or leave global.externalRedis empty" -}}
{{- end -}}
{{- if and .api.enabled (not .mongo.enabled) -}}
{{- range $key := list "hosts" "database" "username" "existingSecret" -}}
{{- if empty (get $mongo $key) -}}
{{- fail (printf "global.externalMongo.%s is required when mongo.enabled is false and api.enabled is true: the API then connects to the external Mongo it describes" $key) -}}
{{- end -}}
{{- end -}}
{{- range (include "vendata.connections.uriOptions" (dict "options" $mongo.options) | fromJson).options -}}
{{- $name := first (splitList "=" .) -}}
{{- if has (lower $name) (list "replicaset" "tls" "ssl" "maxpoolsize" "minpoolsize") -}}
{{- fail (printf "global.externalMongo.options must not set %s: use global.externalMongo.replicaSet, tls and pool, so each setting has one place" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and .api.enabled (not .redis.enabled) -}}
{{- range $key := list "hosts" "existingSecret" -}}
{{- if empty (get $redis $key) -}}
{{- fail (printf "global.externalRedis.%s is required when redis.enabled is false and api.enabled is true: the API then connects to the external Redis it describes" $key) -}}
{{- end -}}
{{- end -}}
{{- $mode := $redis.mode | default "standalone" -}}
{{- if and (eq $mode "sentinel") (not $redis.sentinelMasterName) -}}
{{- fail "global.externalRedis.sentinelMasterName is required when global.externalRedis.mode is sentinel" -}}
{{- end -}}
{{- if and (eq $mode "standalone") (ne (len $redis.hosts) 1) -}}
{{- fail (printf "global.externalRedis.hosts must hold exactly one host:port when global.externalRedis.mode is standalone (it holds %d)" (len $redis.hosts)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
