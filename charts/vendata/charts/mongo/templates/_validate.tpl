{{/*
The Mongo chart's rules across its own keys, all checked at once (templates/validate.yaml).
Usage: include "mongo.validate" $
*/}}
{{- define "mongo.validate" -}}
{{- $m := .Values -}}
{{- $messages := list (include "vendata.validate.imageTags" (dict "key" "mongo" "values" $m)) -}}
{{- range $i, $o := $m.members.overrides -}}
{{- $messages = append $messages (include "mongo.validate.priorityZero" (dict "key" (printf "mongo.members.overrides[%d]" $i) "member" $o)) -}}
{{- end -}}
{{- range $name, $list := $m.members.external -}}
{{- range $i, $o := $list -}}
{{- $messages = append $messages (include "mongo.validate.priorityZero" (dict "key" (printf "mongo.members.external.%s[%d]" $name $i) "member" $o)) -}}
{{- end -}}
{{- end -}}
{{- /* Only the release that manages the sets knows all their members. */ -}}
{{- if $m.members.manage -}}
{{- range (include "vendata.connections.mongoSets" (dict "context" $ "mongo" $m) | fromJson).sets -}}
{{- $votes := 0 -}}
{{- $electable := 0 -}}
{{- range .members -}}
{{- $votes = add $votes (int .votes) -}}
{{- if and (eq (int .votes) 1) (gt (float64 .priority) 0.0) }}{{ $electable = add1 $electable }}{{ end -}}
{{- end -}}
{{- if eq (mod $votes 2) 0 -}}
{{- $messages = append $messages (printf "mongo.%s: replica set %s has %d voting members; it must be odd so a majority survives a split (votes in mongo.members.overrides and mongo.members.external.%s count too)" .countKey .name $votes .name) -}}
{{- end -}}
{{- if eq $electable 0 -}}
{{- $messages = append $messages (printf "mongo.members: replica set %s has no member that can become primary (one needs votes 1 and priority above 0)" .name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and $m.backup.enabled (eq $m.backup.target "s3") -}}
{{- if not $m.backup.s3.bucket -}}
{{- $messages = append $messages "mongo.backup.s3.bucket is required when mongo.backup.target is s3" -}}
{{- end -}}
{{- /* Without static keys the uploader needs the pod's identity: a ServiceAccount bound to a cloud role. */ -}}
{{- if not (or $m.backup.s3.existingSecret $m.jobs.serviceAccount.create $m.jobs.serviceAccount.name) -}}
{{- $messages = append $messages "mongo.backup.s3.existingSecret (static keys) or mongo.jobs.serviceAccount (create or name: an identity such as IRSA or Workload Identity) is required when mongo.backup.target is s3" -}}
{{- end -}}
{{- end -}}
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "mongo.members" "component" "mongo" "values" $m.members "metrics" $m.metrics)) -}}
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "mongo.mongos" "component" "mongo-mongos" "values" $m.mongos "metrics" $m.metrics)) -}}
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "mongo.jobs" "component" "mongo-jobs" "values" $m.jobs)) -}}
{{- $messages = append $messages (include "mongo.validate.cache" $m) -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "mongo.resources" "resources" $m.resources)) -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "mongo.jobs.resources" "resources" $m.jobs.resources)) -}}
{{- if $m.metrics.enabled -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "mongo.metrics.resources" "resources" $m.metrics.resources)) -}}
{{- end -}}
{{- if $m.backup.enabled -}}
{{- $messages = append $messages (include "vendata.validate.resources" (dict "key" "mongo.backup.resources" "resources" $m.backup.resources)) -}}
{{- end -}}
{{- $pods := 0 -}}
{{- range (include "mongo.mongods" $ | fromJson).mongods }}{{ $pods = add $pods (int .replicas) }}{{ end -}}
{{- $messages = append $messages (include "vendata.validate.existingClaim" (dict "key" "mongo.persistence" "persistence" $m.persistence "pods" $pods)) -}}
{{- include "vendata.validate.fail" (dict "chart" "mongo" "messages" $messages) -}}
{{- end -}}

{{/*
MongoDB refuses a hidden or non-voting member whose priority is not 0.
Usage: include "mongo.validate.priorityZero" (dict "key" "mongo.members.overrides[0]" "member" $override)
*/}}
{{- define "mongo.validate.priorityZero" -}}
{{- $o := .member -}}
{{- if and (or $o.hidden (and (hasKey $o "votes") (eq (int $o.votes) 0))) (hasKey $o "priority") (gt (float64 $o.priority) 0.0) -}}
{{- printf "%s: a hidden or non-voting member must have priority 0" .key -}}
{{- end -}}
{{- end -}}

{{/*
mongod sizes the WiredTiger cache from the host's memory, not the container's limit, so
the chart sets it (wiredTigerCacheSizeGB). More than half the limit leaves too little
for connections, index builds and aggregations, and the container is OOM-killed under
load; mongod's own default is half of (memory - 1 GiB).
Usage: include "mongo.validate.cache" .Values
*/}}
{{- define "mongo.validate.cache" -}}
{{- $cache := mulf (float64 .wiredTigerCacheSizeGB) 1073741824.0 -}}
{{- $limit := include "vendata.validate.quantity" .resources.limits.memory | float64 -}}
{{- if gt (mulf $cache 2.0) $limit -}}
{{- printf "mongo.wiredTigerCacheSizeGB (%v) must be at most half of mongo.resources.limits.memory (%s): mongod needs the rest for connections, index builds and aggregations, or the container is OOM-killed (keep it near half of the limit minus 1 GiB)" .wiredTigerCacheSizeGB (include "vendata.validate.text" .resources.limits.memory) -}}
{{- end -}}
{{- end -}}
