{{/*
Connection facts, derived in this one place from the mongo and redis values so the
database charts (which form the clusters) and the umbrella (which tells the API
where they are) can never disagree. Each helper returns JSON; use fromJson.
*/}}

{{/*
Mongo: hosts the API connects to, the replica set name ("" when none) and URI options.
Usage: include "vendata.connections.mongo" (dict "context" $ "mongo" .Values.mongo) | fromJson
*/}}
{{- define "vendata.connections.mongo" -}}
{{- $m := .mongo -}}
{{- $port := int ($m.port | default 27017) -}}
{{- $hosts := list -}}
{{- $replicaSet := "" -}}
{{- if eq $m.architecture "sharded" -}}
  {{- $hosts = append $hosts (printf "%s:%d" (include "vendata.names.serviceHost" (dict "context" .context "component" "mongo-mongos")) $port) -}}
{{- else if eq $m.architecture "replicaset" -}}
  {{- $replicaSet = $m.replicaSet.name -}}
  {{- $hosts = (include "vendata.connections.mongoMembers" (dict "context" .context "mongo" $m) | fromJson).hosts -}}
{{- else -}}
  {{- $hosts = append $hosts (printf "%s:%d" (include "vendata.names.serviceHost" (dict "context" .context "component" "mongo")) $port) -}}
{{- end -}}
{{- $options := list (printf "authSource=admin") (printf "maxPoolSize=%d" (int $m.pool.maxPoolSize)) (printf "minPoolSize=%d" (int $m.pool.minPoolSize)) -}}
{{- if $replicaSet -}}
  {{- $options = prepend $options (printf "replicaSet=%s" $replicaSet) -}}
{{- end -}}
{{- /* mongos passes the read preference on to the shards' replica sets. */ -}}
{{- if ne $m.architecture "standalone" -}}
  {{- $options = append $options (printf "readPreference=%s" $m.replicaSet.readPreference) -}}
{{- end -}}
{{- dict "hosts" $hosts "replicaSet" $replicaSet "database" $m.auth.database "options" (join "&" $options) | toJson -}}
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
    {{- $host := printf "%s:%d" (include "vendata.names.podHost" (dict "context" $.context "component" $spec.component "index" $i)) $port -}}
    {{- with $members.hostTemplate -}}
      {{- $names := dict "context" $.context "component" $spec.component -}}
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
Redis: mode, the URL for standalone, sentinel hosts and master name, cluster seed nodes.
Redis Cluster has database 0 only, so cluster URLs carry no database index.
Usage: include "vendata.connections.redis" (dict "context" $ "redis" .Values.redis) | fromJson
*/}}
{{- define "vendata.connections.redis" -}}
{{- $r := .redis -}}
{{- $port := int ($r.port | default 6379) -}}
{{- $out := dict "mode" $r.mode -}}
{{- if eq $r.mode "cluster" -}}
  {{- $nodes := list -}}
  {{- range $i := until (int $r.cluster.nodes) -}}
    {{- $nodes = append $nodes (printf "%s:%d" (include "vendata.names.podHost" (dict "context" $.context "component" "redis" "index" $i)) $port) -}}
  {{- end -}}
  {{- $_ := set $out "nodes" $nodes -}}
  {{- $_ := set $out "url" (printf "redis://%s" (first $nodes)) -}}
{{- else if eq $r.mode "sentinel" -}}
  {{- $sentinels := list -}}
  {{- range $i := until (int $r.sentinel.replicas) -}}
    {{- $sentinels = append $sentinels (printf "%s:%d" (include "vendata.names.podHost" (dict "context" $.context "component" "redis" "index" $i)) (int $r.sentinel.port)) -}}
  {{- end -}}
  {{- $_ := set $out "sentinels" $sentinels -}}
  {{- $_ := set $out "masterName" $r.sentinel.masterName -}}
  {{- $_ := set $out "url" (printf "redis+sentinel://%s/%s/0" (join "," $sentinels) $r.sentinel.masterName) -}}
{{- else -}}
  {{- $_ := set $out "url" (printf "redis://%s:%d/0" (include "vendata.names.serviceHost" (dict "context" .context "component" "redis")) $port) -}}
{{- end -}}
{{- $out | toJson -}}
{{- end -}}

{{/*
Everything the API is told about the databases (the umbrella's <release>-connections
ConfigMap), as JSON. No secrets: the API adds the passwords from the Secret.
Usage: include "vendata.connections.apiEnv" (dict "context" $ "mongo" .Values.mongo "redis" .Values.redis) | fromJson
*/}}
{{- define "vendata.connections.apiEnv" -}}
{{- $mongo := include "vendata.connections.mongo" (dict "context" .context "mongo" .mongo) | fromJson -}}
{{- $redis := include "vendata.connections.redis" (dict "context" .context "redis" .redis) | fromJson -}}
{{- $env := dict
  "MONGODB_HOSTS" (join "," $mongo.hosts)
  "MONGODB_DATABASE" $mongo.database
  "MONGODB_USERNAME" .mongo.auth.username
  "MONGODB_OPTIONS" $mongo.options
  "MONGODB_REPLICA_SET" $mongo.replicaSet
  "REDIS_MODE" $redis.mode
  "REDIS_URL" $redis.url
-}}
{{- with $redis.nodes }}{{ $_ := set $env "REDIS_CLUSTER_NODES" (join "," .) }}{{ end -}}
{{- with $redis.sentinels }}
  {{- $_ := set $env "REDIS_SENTINELS" (join "," .) -}}
  {{- $_ := set $env "REDIS_SENTINEL_MASTER" $redis.masterName -}}
{{- end -}}
{{- $env | toJson -}}
{{- end -}}
