{{/*
Connection facts, derived in this one place from the mongo and redis values so the
database charts (which form the clusters) and the umbrella (which tells the API
where they are) can never disagree; an external database (global.externalMongo,
global.externalRedis) goes through the same helpers. Each helper returns JSON; use fromJson.
*/}}

{{/*
Mongo: hosts the API connects to, the replica set name ("" when none), the database, the
user and the URI options. From the bundled mongo values, or, given "external", from
global.externalMongo (used when mongo.enabled is false). Options, in this order:
replicaSet, then authSource=admin (bundled) or tls=true (external, with tls), the pool,
then readPreference (bundled, replicaset and sharded) or externalMongo.options.
The pool: mongo.pool, or externalMongo.pool with the seed's 100 and 10 for unset keys.
Usage: include "vendata.connections.mongo" (dict "context" $ "mongo" .Values.mongo) | fromJson
       include "vendata.connections.mongo" (dict "context" $ "external" .Values.global.externalMongo) | fromJson
*/}}
{{- define "vendata.connections.mongo" -}}
{{- $hosts := list -}}
{{- $replicaSet := "" -}}
{{- $database := "" -}}
{{- $username := "" -}}
{{- $pool := dict -}}
{{- $head := list -}}
{{- $tail := list -}}
{{- if hasKey . "external" -}}
  {{- $e := .external | default dict -}}
  {{- $hosts = $e.hosts | default list -}}
  {{- $replicaSet = $e.replicaSet | default "" -}}
  {{- $database = $e.database | default "" -}}
  {{- $username = $e.username | default "" -}}
  {{- $pool = merge (dict) ($e.pool | default dict) (dict "maxPoolSize" 100 "minPoolSize" 10) -}}
  {{- if $e.tls }}{{ $head = append $head "tls=true" }}{{ end -}}
  {{- $tail = (include "vendata.connections.uriOptions" (dict "options" $e.options) | fromJson).options -}}
{{- else -}}
  {{- $m := .mongo -}}
  {{- $port := int ($m.port | default 27017) -}}
  {{- if eq $m.architecture "sharded" -}}
    {{- $hosts = append $hosts (printf "%s:%d" (include "vendata.names.serviceHost" (dict "context" .context "component" "mongo-mongos" "owner" (dict "chart" "mongo" "values" $m))) $port) -}}
  {{- else if eq $m.architecture "replicaset" -}}
    {{- $replicaSet = $m.replicaSet.name -}}
    {{- $hosts = (include "vendata.connections.mongoMembers" (dict "context" .context "mongo" $m) | fromJson).hosts -}}
  {{- else -}}
    {{- $hosts = append $hosts (printf "%s:%d" (include "vendata.names.serviceHost" (dict "context" .context "component" "mongo" "owner" (dict "chart" "mongo" "values" $m))) $port) -}}
  {{- end -}}
  {{- $database = $m.auth.database -}}
  {{- $username = $m.auth.username -}}
  {{- $pool = $m.pool -}}
  {{- $head = list "authSource=admin" -}}
  {{- /* mongos passes the read preference on to the shards' replica sets. */ -}}
  {{- if ne $m.architecture "standalone" -}}
    {{- $tail = list (printf "readPreference=%s" $m.replicaSet.readPreference) -}}
  {{- end -}}
{{- end -}}
{{- $options := list -}}
{{- if $replicaSet }}{{ $options = append $options (printf "replicaSet=%s" $replicaSet) }}{{ end -}}
{{- $options = concat $options $head (list (printf "maxPoolSize=%d" (int $pool.maxPoolSize)) (printf "minPoolSize=%d" (int $pool.minPoolSize))) $tail -}}
{{- dict "hosts" $hosts "replicaSet" $replicaSet "database" $database "username" $username "options" (join "&" $options) | toJson -}}
{{- end -}}

{{/*
externalMongo.options as a list of "name=value": a map, sorted by name, or a string
("a=1&b=2") split at each "&".
Usage: include "vendata.connections.uriOptions" (dict "options" .Values.global.externalMongo.options) | fromJson
*/}}
{{- define "vendata.connections.uriOptions" -}}
{{- $out := list -}}
{{- if kindIs "string" .options -}}
  {{- range splitList "&" (trimPrefix "?" .options) }}{{ if . }}{{ $out = append $out . }}{{ end }}{{ end -}}
{{- else if .options -}}
  {{- range $name := keys .options | sortAlpha }}{{ $out = append $out (printf "%s=%s" $name (get $.options $name | toString)) }}{{ end -}}
{{- end -}}
{{- dict "options" $out | toJson -}}
{{- end -}}

{{/*
Hosts of the API's replica set rs0 (replicaset architecture): every member but the
hidden ones, this release's pods first, then the members in other regions' releases.
Usage: include "vendata.connections.mongoMembers" (dict "context" $ "mongo" .Values.mongo) | fromJson
*/}}
{{- define "vendata.connections.mongoMembers" -}}
{{- $hosts := list -}}
{{- range (include "vendata.connections.mongoSets" . | fromJson).sets -}}
  {{- range .members -}}
    {{- if not .hidden }}{{ $hosts = append $hosts .host }}{{ end -}}
  {{- end -}}
{{- end -}}
{{- dict "hosts" $hosts | toJson -}}
{{- end -}}

{{/*
Every replica set the mongo values describe, with its members as the init Job writes
them into the replica set config: rs0 (replicaset), or cfg and shard0..N-1 (sharded);
none for a standalone. Members: this release's pods (headless DNS names, local true)
with mongo.members.priority and the per-ordinal mongo.members.overrides, then
mongo.members.external.<set> (local false). Hidden and non-voting members default to
priority 0, as MongoDB requires. mongo.members.hostTemplate, when set, names this
release's pods in a DNS zone other regions resolve too ({pod}, {service}, {namespace}).
Usage: include "vendata.connections.mongoSets" (dict "context" $ "mongo" .Values.mongo) | fromJson
*/}}
{{- define "vendata.connections.mongoSets" -}}
{{- $m := .mongo -}}
{{- $port := int ($m.port | default 27017) -}}
{{- $specs := list -}}
{{- if eq $m.architecture "replicaset" -}}
  {{- $specs = append $specs (dict "name" $m.replicaSet.name "component" "mongo" "role" "" "replicas" (int $m.replicaSet.replicas) "countKey" "replicaSet.replicas") -}}
{{- else if eq $m.architecture "sharded" -}}
  {{- $specs = append $specs (dict "name" "cfg" "component" "mongo-config" "role" "configsvr" "replicas" (int $m.sharded.configServers) "countKey" "sharded.configServers") -}}
  {{- range $i := until (int $m.sharded.shards) -}}
    {{- $specs = append $specs (dict "name" (printf "shard%d" $i) "component" (printf "mongo-shard%d" $i) "role" "shardsvr" "replicas" (int $m.sharded.shardReplicas) "countKey" "sharded.shardReplicas") -}}
  {{- end -}}
{{- end -}}
{{- $members := $m.members | default dict -}}
{{- $priority := 1 -}}
{{- if hasKey $members "priority" }}{{ $priority = $members.priority }}{{ end -}}
{{- $overrides := dict -}}
{{- range ($members.overrides | default list) }}{{ $_ := set $overrides (toString (int .index)) . }}{{ end -}}
{{- $sets := list -}}
{{- range $spec := $specs -}}
  {{- $list := list -}}
  {{- range $i := until $spec.replicas -}}
    {{- $names := dict "context" $.context "component" $spec.component "owner" (dict "chart" "mongo" "values" $m) -}}
    {{- $host := printf "%s:%d" (include "vendata.names.podHost" (merge (dict "index" $i) $names)) $port -}}
    {{- with $members.hostTemplate -}}
      {{- $host = printf "%s:%d" (. | replace "{pod}" (printf "%s-%d" (include "vendata.names.fullname" $names) $i) | replace "{service}" (include "vendata.names.headless" $names) | replace "{namespace}" $.context.Release.Namespace) $port -}}
    {{- end -}}
    {{- $list = append $list (include "vendata.connections.mongoMember" (dict "host" $host "given" (get $overrides (toString $i) | default dict) "priority" $priority "local" true) | fromJson) -}}
  {{- end -}}
  {{- range (get ($members.external | default dict) $spec.name | default list) -}}
    {{- $list = append $list (include "vendata.connections.mongoMember" (dict "host" .host "given" . "priority" 1 "local" false) | fromJson) -}}
  {{- end -}}
  {{- $sets = append $sets (merge (dict "members" $list) $spec) -}}
{{- end -}}
{{- dict "sets" $sets | toJson -}}
{{- end -}}

{{/* One member: votes 1, not hidden and the given priority unless "given" says otherwise. */}}
{{- define "vendata.connections.mongoMember" -}}
{{- $votes := 1 -}}
{{- if hasKey .given "votes" }}{{ $votes = int .given.votes }}{{ end -}}
{{- $hidden := false -}}
{{- if hasKey .given "hidden" }}{{ $hidden = .given.hidden }}{{ end -}}
{{- $priority := .priority -}}
{{- if or $hidden (eq $votes 0) }}{{ $priority = 0 }}{{ end -}}
{{- if hasKey .given "priority" }}{{ $priority = .given.priority }}{{ end -}}
{{- dict "host" .host "priority" $priority "votes" $votes "hidden" $hidden "local" .local | toJson -}}
{{- end -}}

{{/*
Redis: mode, the URL for standalone, sentinel hosts and master name, cluster seed nodes,
and tls (true only for an external Redis with tls). From the bundled redis values, or,
given "external", from global.externalRedis (used when redis.enabled is false): its
hosts are the server (standalone), the sentinels or the seed nodes. Redis Cluster has
database 0 only, so cluster URLs carry no database index.
Usage: include "vendata.connections.redis" (dict "context" $ "redis" .Values.redis) | fromJson
       include "vendata.connections.redis" (dict "context" $ "external" .Values.global.externalRedis) | fromJson
*/}}
{{- define "vendata.connections.redis" -}}
{{- $mode := "" -}}
{{- $endpoints := list -}}
{{- $masterName := "" -}}
{{- $tls := false -}}
{{- if hasKey . "external" -}}
  {{- $e := .external | default dict -}}
  {{- $mode = $e.mode | default "standalone" -}}
  {{- $endpoints = $e.hosts | default list -}}
  {{- $masterName = $e.sentinelMasterName | default "" -}}
  {{- $tls = $e.tls | default false -}}
{{- else -}}
  {{- $r := .redis -}}
  {{- $port := int ($r.port | default 6379) -}}
  {{- $mode = $r.mode -}}
  {{- if eq $r.mode "cluster" -}}
    {{- range $i := until (int $r.cluster.nodes) -}}
      {{- $endpoints = append $endpoints (printf "%s:%d" (include "vendata.names.podHost" (dict "context" $.context "component" "redis" "index" $i "owner" (dict "chart" "redis" "values" $r))) $port) -}}
    {{- end -}}
  {{- else if eq $r.mode "sentinel" -}}
    {{- range $i := until (int $r.sentinel.replicas) -}}
      {{- $endpoints = append $endpoints (printf "%s:%d" (include "vendata.names.podHost" (dict "context" $.context "component" "redis" "index" $i "owner" (dict "chart" "redis" "values" $r))) (int $r.sentinel.port)) -}}
    {{- end -}}
    {{- $masterName = $r.sentinel.masterName -}}
  {{- else -}}
    {{- $endpoints = list (printf "%s:%d" (include "vendata.names.serviceHost" (dict "context" .context "component" "redis" "owner" (dict "chart" "redis" "values" $r))) $port) -}}
  {{- end -}}
{{- end -}}
{{- $scheme := ternary "rediss" "redis" $tls -}}
{{- $out := dict "mode" $mode -}}
{{- if $tls }}{{ $_ := set $out "tls" true }}{{ end -}}
{{- if eq $mode "cluster" -}}
  {{- $_ := set $out "nodes" $endpoints -}}
  {{- $_ := set $out "url" (printf "%s://%s" $scheme (first $endpoints | default "")) -}}
{{- else if eq $mode "sentinel" -}}
  {{- $_ := set $out "sentinels" $endpoints -}}
  {{- $_ := set $out "masterName" $masterName -}}
  {{- $_ := set $out "url" (printf "%s+sentinel://%s/%s/0" $scheme (join "," $endpoints) $masterName) -}}
{{- else -}}
  {{- $_ := set $out "url" (printf "%s://%s/0" $scheme (first $endpoints | default "")) -}}
{{- end -}}
{{- $out | toJson -}}
{{- end -}}

{{/*
Everything the API is told about the databases (the umbrella's <release>-connections
ConfigMap), as JSON. No secrets: the API adds the passwords from the Secret. A database
whose chart is disabled (mongo.enabled, redis.enabled false) is described by
global.externalMongo or global.externalRedis instead, through the same helpers.
Usage: include "vendata.connections.apiEnv" (dict "context" $ "mongo" .Values.mongo "redis" .Values.redis
         "externalMongo" .Values.global.externalMongo "externalRedis" .Values.global.externalRedis) | fromJson
*/}}
{{/*
Every variable vendata.connections.apiEnv may set, whatever the databases (JSON list): the
API chart refuses them in api.config and api.extraEnvVars, which cannot see those values.
Usage: include "vendata.connections.apiEnvNames" . | fromJsonArray
*/}}
{{- define "vendata.connections.apiEnvNames" -}}
{{- list "MONGODB_HOSTS" "MONGODB_DATABASE" "MONGODB_USERNAME" "MONGODB_OPTIONS" "MONGODB_REPLICA_SET" "REDIS_MODE" "REDIS_URL" "REDIS_CLUSTER_NODES" "REDIS_SENTINELS" "REDIS_SENTINEL_MASTER" "REDIS_TLS" | toJson -}}
{{- end -}}

{{- define "vendata.connections.apiEnv" -}}
{{- $mongoFrom := dict "context" .context "mongo" .mongo -}}
{{- if not .mongo.enabled }}{{ $mongoFrom = dict "context" .context "external" (.externalMongo | default dict) }}{{ end -}}
{{- $redisFrom := dict "context" .context "redis" .redis -}}
{{- if not .redis.enabled }}{{ $redisFrom = dict "context" .context "external" (.externalRedis | default dict) }}{{ end -}}
{{- $mongo := include "vendata.connections.mongo" $mongoFrom | fromJson -}}
{{- $redis := include "vendata.connections.redis" $redisFrom | fromJson -}}
{{- $env := dict
  "MONGODB_HOSTS" (join "," $mongo.hosts)
  "MONGODB_DATABASE" $mongo.database
  "MONGODB_USERNAME" $mongo.username
  "MONGODB_OPTIONS" $mongo.options
  "MONGODB_REPLICA_SET" $mongo.replicaSet
  "REDIS_MODE" $redis.mode
  "REDIS_URL" $redis.url
-}}
{{- with $redis.nodes }}{{ $_ := set $env "REDIS_CLUSTER_NODES" (join "," .) }}{{ end -}}
{{- if eq $redis.mode "sentinel" }}
  {{- $_ := set $env "REDIS_SENTINELS" (join "," $redis.sentinels) -}}
  {{- $_ := set $env "REDIS_SENTINEL_MASTER" $redis.masterName -}}
{{- end -}}
{{- if $redis.tls }}{{ $_ := set $env "REDIS_TLS" "true" }}{{ end -}}
{{- $env | toJson -}}
{{- end -}}

{{/*
"true" when an external database's description (global.externalMongo or externalRedis)
is set: some key holds a non-empty value (false, 0, "", [] and {} count as unset), else "".
The chart refuses one that is set while its bundled database is enabled, so this alone
tells the API subchart, which cannot see mongo.enabled or redis.enabled, whose Secret to read.
Usage: include "vendata.connections.externalSet" (dict "external" .Values.global.externalMongo)
*/}}
{{- define "vendata.connections.externalSet" -}}
{{- $set := false -}}
{{- range $_, $value := .external | default dict }}{{ if not (empty $value) }}{{ $set = true }}{{ end }}{{ end -}}
{{- if $set }}true{{ end -}}
{{- end -}}

{{/*
The Secret and key a database password comes from: the external database's
existingSecret and passwordKey (default: "key", the stack's own key name) when its
description is set, else the stack's Secret and "key".
Usage: include "vendata.connections.passwordRef" (dict "context" $ "external" .Values.global.externalMongo "key" "MONGODB_PASSWORD") | fromJson
*/}}
{{- define "vendata.connections.passwordRef" -}}
{{- if include "vendata.connections.externalSet" . -}}
{{- dict "name" (.external.existingSecret | default "") "key" (.external.passwordKey | default .key) | toJson -}}
{{- else -}}
{{- dict "name" (include "vendata.secrets.name" .) "key" .key | toJson -}}
{{- end -}}
{{- end -}}
