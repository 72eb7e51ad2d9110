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
Members of the replica set: this release's pods (headless DNS names) followed by the
members that live in other regions' releases.
Usage: include "vendata.connections.mongoMembers" (dict "context" $ "mongo" .Values.mongo) | fromJson
*/}}
{{- define "vendata.connections.mongoMembers" -}}
{{- $m := .mongo -}}
{{- $port := int ($m.port | default 27017) -}}
{{- $hosts := list -}}
{{- range $i := until (int $m.replicaSet.replicas) -}}
  {{- $hosts = append $hosts (printf "%s:%d" (include "vendata.names.podHost" (dict "context" $.context "component" "mongo" "index" $i)) $port) -}}
{{- end -}}
{{- range $m.replicaSet.externalMembers -}}
  {{- $hosts = append $hosts .host -}}
{{- end -}}
{{- dict "hosts" $hosts | toJson -}}
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
