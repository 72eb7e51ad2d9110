{{/*
The umbrella's rules: across its own keys and a subchart's, or across two subcharts
(a subchart sees only its own values). Each subchart checks its own keys in its
templates/_validate.tpl. All checked at once, from templates/validate.yaml.
Named "umbrella.*": local to this chart (the library's helpers are "vendata.<file>.<fn>").
Usage: include "umbrella.validate" $
*/}}
{{- define "umbrella.validate" -}}
{{- $v := .Values -}}
{{- $messages := list (include "umbrella.validate.externalDatabases" $v) (include "vendata.validate.imageTags" (dict "key" "tests" "values" $v.tests)) -}}
{{- $messages = append $messages (include "vendata.validate.pod" (dict "context" $ "key" "tests" "component" "test" "values" $v.tests)) -}}
{{- /* Every object carries global.commonLabels beside the chart's own labels (vendata.labels.standard), which selectors and NetworkPolicies rely on. */ -}}
{{- range $key := keys ($v.global.commonLabels | default dict) | sortAlpha -}}
{{- if has $key (list "app.kubernetes.io/name" "app.kubernetes.io/instance" "app.kubernetes.io/component" "app.kubernetes.io/version" "app.kubernetes.io/managed-by" "app.kubernetes.io/part-of" "helm.sh/chart") -}}
{{- $messages = append $messages (printf "global.commonLabels must not set %s: the chart sets it on every object, and selectors and NetworkPolicies rely on it" $key) -}}
{{- end -}}
{{- end -}}
{{- /* The API's pods must outlive nginx's cached list of them. */ -}}
{{- $sleep := int $v.api.preStopSleepSeconds -}}
{{- $valid := int $v.nginx.resolver.validSeconds -}}
{{- if le $sleep $valid -}}
{{- $messages = append $messages (printf "api.preStopSleepSeconds (%d) must be greater than nginx.resolver.validSeconds (%d), or nginx keeps sending requests to API pods that have stopped" $sleep $valid) -}}
{{- end -}}
{{- /* nginx sends /api/ to nginx.api.port: it must be the port the API listens on. */ -}}
{{- if ne (int $v.nginx.api.port) (int $v.api.port) -}}
{{- $messages = append $messages (printf "nginx.api.port (%d) must equal api.port (%d): nginx sends /api/ to nginx.api.port, so set both to the port the API listens on" (int $v.nginx.api.port) (int $v.api.port)) -}}
{{- end -}}
{{- /* nginx sends / to nginx.frontend.host, or, when it is empty, to this release's frontend on nginx.frontend.port. */ -}}
{{- $route := $v.nginx.frontend -}}
{{- if $v.frontend.enabled -}}
{{- if $route.host -}}
{{- $messages = append $messages (printf "nginx.frontend.host (%s) must be empty when frontend.enabled is true: nginx then sends / to this release's frontend; set frontend.enabled to false to send / to nginx.frontend.host instead" $route.host) -}}
{{- else if ne (int $route.port) (int $v.frontend.port) -}}
{{- $messages = append $messages (printf "nginx.frontend.port (%d) must equal frontend.port (%d): nginx sends / to nginx.frontend.port, so set both to the port the frontend listens on" (int $route.port) (int $v.frontend.port)) -}}
{{- end -}}
{{- else if not $route.host -}}
{{- $messages = append $messages "nginx.frontend.host must name the frontend nginx sends / to (a fully qualified name) when frontend.enabled is false" -}}
{{- end -}}
{{- /* Members in other regions need those regions' addresses in the network policies. */ -}}
{{- if and $v.global.networkPolicy.enabled $v.mongo.enabled -}}
{{- $multiRegion := not $v.mongo.members.manage -}}
{{- range $v.mongo.members.external }}{{ if . }}{{ $multiRegion = true }}{{ end }}{{ end -}}
{{- if and $multiRegion (not $v.global.networkPolicy.peerRegionCidrs) -}}
{{- $messages = append $messages "global.networkPolicy.peerRegionCidrs must list the other regions' addresses when mongo.members.external is set or mongo.members.manage is false, or the network policies block the members from each other" -}}
{{- end -}}
{{- end -}}
{{- include "vendata.validate.fail" (dict "chart" "vendata" "messages" $messages) -}}
{{- end -}}

{{/*
External databases (global.externalMongo, global.externalRedis). One that is set while
its bundled database is enabled is refused: the API would not know which to use (and
the API subchart picks its Secret by whether the external one is set). With a bundled
database off, the external one must be complete. One line per problem.
Usage: include "umbrella.validate.externalDatabases" .Values
*/}}
{{- define "umbrella.validate.externalDatabases" -}}
{{- $mongo := .global.externalMongo | default dict -}}
{{- $redis := .global.externalRedis | default dict -}}
{{- if and .mongo.enabled (include "vendata.connections.externalSet" (dict "external" $mongo)) }}
global.externalMongo is set while mongo.enabled is true: the API would not know which Mongo to use; set mongo.enabled to false to use the external one, or leave global.externalMongo empty
{{- end -}}
{{- if and .redis.enabled (include "vendata.connections.externalSet" (dict "external" $redis)) }}
global.externalRedis is set while redis.enabled is true: the API would not know which Redis to use; set redis.enabled to false to use the external one, or leave global.externalRedis empty
{{- end -}}
{{- if not .mongo.enabled -}}
{{- $missing := list -}}
{{- range $key := list "hosts" "database" "username" "existingSecret" -}}
{{- if empty (get $mongo $key) }}{{ $missing = append $missing $key }}{{ end -}}
{{- end -}}
{{- range $missing }}
{{ printf "global.externalMongo.%s is required when mongo.enabled is false: the API then connects to the external Mongo it describes" . }}
{{- end -}}
{{- range (include "vendata.connections.uriOptions" (dict "options" $mongo.options) | fromJson).options -}}
{{- $name := first (splitList "=" .) -}}
{{- if has (lower $name) (list "replicaset" "tls" "ssl" "maxpoolsize" "minpoolsize") }}
{{ printf "global.externalMongo.options must not set %s: use global.externalMongo.replicaSet, tls and pool, so each setting has one place" $name }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not .redis.enabled -}}
{{- range $key := list "hosts" "existingSecret" -}}
{{- if empty (get $redis $key) }}
{{ printf "global.externalRedis.%s is required when redis.enabled is false: the API then connects to the external Redis it describes" $key }}
{{- end -}}
{{- end -}}
{{- $mode := $redis.mode | default "standalone" -}}
{{- if and (eq $mode "sentinel") (not $redis.sentinelMasterName) }}
global.externalRedis.sentinelMasterName is required when global.externalRedis.mode is sentinel
{{- end -}}
{{- if and (eq $mode "standalone") $redis.hosts (ne (len $redis.hosts) 1) }}
{{ printf "global.externalRedis.hosts must hold exactly one host:port when global.externalRedis.mode is standalone (it holds %d)" (len $redis.hosts) }}
{{- end -}}
{{- end -}}
{{- end -}}
