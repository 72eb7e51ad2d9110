{{/*
Helpers of the mongo chart only. Everything they share with other charts (names,
labels, security contexts, member hosts) comes from the library (vendata.*).
*/}}

{{/*
The mongod StatefulSets this release runs, as JSON {"mongods": [{component, replicas, args}]}:
one "mongo" (standalone or replica set rs0, same name and claim template so phase 1 -> 2
keeps pod 0's volume), or the config servers and the shards.
Usage: include "mongo.mongods" $ | fromJson
*/}}
{{- define "mongo.mongods" -}}
{{- $v := .Values -}}
{{- $common := list "--bind_ip_all" (printf "--port=%d" (int $v.port)) "--dbpath=/data/db" "--auth" "--keyFile=/etc/mongo/keyfile/keyfile" (printf "--wiredTigerCacheSizeGB=%v" $v.wiredTigerCacheSizeGB) -}}
{{- $out := list -}}
{{- if eq $v.architecture "standalone" -}}
  {{- $out = append $out (dict "component" "mongo" "replicas" 1 "args" $common) -}}
{{- else -}}
  {{- range (include "vendata.connections.mongoSets" (dict "context" $ "mongo" $v) | fromJson).sets -}}
    {{- $args := concat $common (list (printf "--replSet=%s" .name)) -}}
    {{- if .role }}{{ $args = append $args (printf "--%s" .role) }}{{ end -}}
    {{- $out = append $out (dict "component" .component "replicas" (int .replicas) "args" $args) -}}
  {{- end -}}
{{- end -}}
{{- dict "mongods" $out | toJson -}}
{{- end -}}

{{/*
What the mongosh Jobs are told (config.json): the replica sets and their members from
the same library helper as the API's URI, users, indexes, sharded collections.
*/}}
{{- define "mongo.config" -}}
{{- $v := .Values -}}
{{- $app := include "vendata.connections.mongo" (dict "context" $ "mongo" $v) | fromJson -}}
{{- $config := dict
  "architecture" $v.architecture
  "manage" $v.members.manage
  "rootUser" $v.auth.rootUser
  "appUser" $v.auth.username
  "metricsUser" $v.auth.metricsUser
  "backupUser" (ternary $v.auth.backupUser "" $v.backup.enabled)
  "database" $v.auth.database
  "sets" (include "vendata.connections.mongoSets" (dict "context" $ "mongo" $v) | fromJson).sets
  "app" (dict "hosts" $app.hosts "options" $app.options)
  "indexes" $v.indexes
  "shardedCollections" (ternary $v.sharded.collections (list) (eq $v.architecture "sharded"))
-}}
{{- if eq $v.architecture "standalone" -}}
{{- $_ := set $config "standalone" (printf "%s:%d" (include "vendata.names.podHost" (dict "context" $ "component" "mongo" "index" 0)) (int $v.port)) -}}
{{- end -}}
{{- if eq $v.architecture "sharded" -}}
{{- $_ := set $config "mongos" (printf "%s:%d" (include "vendata.names.serviceHost" (dict "context" $ "component" "mongo-mongos")) (int $v.port)) -}}
{{- end -}}
{{- toPrettyJson $config -}}
{{- end -}}

{{/* data: of a ConfigMap with the chart's scripts (files/) and config.json. */}}
{{- define "mongo.scripts.data" -}}
{{ (.Files.Glob "files/*").AsConfig }}
config.json: |-
  {{- include "mongo.config" . | nindent 2 }}
{{- end -}}

{{/*
mongod refuses a keyFile that group or others can read, and a Secret volume under an
fsGroup is group-readable (0440). So an init container copies the key into memory
with mode 0400, owned by the mongod user, and mongod mounts that copy read-only.
Usage: include "mongo.keyfile.initContainer" (dict "context" $ "component" "mongo")
*/}}
{{- define "mongo.keyfile.initContainer" -}}
- name: keyfile
  image: {{ include "vendata.images.image" (dict "context" .context "image" .context.Values.image) }}
  imagePullPolicy: {{ .context.Values.image.pullPolicy }}
  command: ["install", "-m", "0400", "/etc/mongo/keyfile-secret/keyfile", "/etc/mongo/keyfile/keyfile"]
  resources:
    requests: { cpu: 10m, memory: 16Mi }
    limits: { cpu: 100m, memory: 32Mi }
  securityContext:
    {{- include "vendata.security.container" . | nindent 4 }}
  volumeMounts:
    - name: keyfile-secret
      mountPath: /etc/mongo/keyfile-secret
      readOnly: true
    - name: keyfile
      mountPath: /etc/mongo/keyfile
{{- end -}}

{{/* Volumes of every mongod and mongos pod: the key (Secret and its 0400 copy), /tmp, the scripts. */}}
{{- define "mongo.pod.volumes" -}}
- name: keyfile-secret
  secret:
    secretName: {{ include "vendata.secrets.name" . }}
    # 0400 written in decimal: YAML 1.1 reads 0400 as octal, YAML 1.2 as four hundred.
    defaultMode: 256
    items:
      - key: MONGODB_KEYFILE
        path: keyfile
- name: keyfile
  emptyDir:
    medium: Memory
    sizeLimit: 1Mi
- name: tmp
  emptyDir: {}
- name: scripts
  configMap:
    name: {{ include "vendata.names.fullname" (dict "context" .context "component" "mongo-scripts") }}
{{- end -}}

{{/* Mounts of the mongod / mongos container. */}}
{{- define "mongo.pod.mounts" -}}
- name: keyfile
  mountPath: /etc/mongo/keyfile
  readOnly: true
- name: tmp
  mountPath: /tmp
- name: scripts
  mountPath: /scripts
  readOnly: true
{{- end -}}

{{/*
Probes of a mongod or mongos container. Ready means able to serve: a mongos or
standalone that answers, a replica-set member that is PRIMARY or SECONDARY.
*/}}
{{- define "mongo.pod.probes" -}}
{{- $mongosh := list "mongosh" "--quiet" "--norc" "--port" (toString .context.Values.port) -}}
startupProbe:
  exec:
    command: {{ append $mongosh "/scripts/ping.js" | toJson }}
  periodSeconds: 10
  timeoutSeconds: 10
  failureThreshold: 60
livenessProbe:
  exec:
    command: {{ append $mongosh "/scripts/ping.js" | toJson }}
  periodSeconds: 10
  timeoutSeconds: 10
  failureThreshold: 6
readinessProbe:
  exec:
    command: {{ append $mongosh "/scripts/ready.js" | toJson }}
  periodSeconds: 10
  timeoutSeconds: 10
  failureThreshold: 3
{{- end -}}

{{/* The MongoDB exporter sidecar; it reads the local mongod or mongos as auth.metricsUser (clusterMonitor, read on local). */}}
{{- define "mongo.metrics.container" -}}
{{- $v := .context.Values -}}
{{- include "vendata.metrics.container" (dict "context" .context "metrics" $v.metrics
  "args" (list (printf "--web.listen-address=:%v" $v.metrics.port) "--mongodb.direct-connect" "--collector.diagnosticdata" "--collector.replicasetstatus" "--collector.dbstats" "--compatible-mode")
  "env" (list
    (dict "name" "MONGODB_METRICS_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" (include "vendata.secrets.name" .) "key" "MONGODB_METRICS_PASSWORD")))
    (dict "name" "MONGODB_URI" "value" (printf "mongodb://%s:$(MONGODB_METRICS_PASSWORD)@127.0.0.1:%v/admin" $v.auth.metricsUser $v.port)))
  "livenessProbe" (dict "httpGet" (dict "path" "/" "port" "metrics") "periodSeconds" 30 "timeoutSeconds" 5)
  "readinessProbe" (dict "httpGet" (dict "path" "/" "port" "metrics") "periodSeconds" 10 "timeoutSeconds" 5)) -}}
{{- end -}}

{{/*
A mongosh Job (mongo.job.podSpec): the component's, named after it unless "name" is given,
with its annotations (a hook's) and backoffLimit; the pod labels and annotations of mongo.jobs.
Usage: include "mongo.job" (dict "context" $ "component" "mongo-indexes" "backoffLimit" 3 "annotations" $hook "script" "indexes.js" "configMap" "mongo-scripts" "secretKeys" (list "MONGODB_PASSWORD"))
*/}}
{{- define "mongo.job" -}}
{{ include "vendata.metadata.header" (merge (dict "apiVersion" "batch/v1" "kind" "Job") .) }}
spec:
  backoffLimit: {{ .backoffLimit }}
  template:
    {{- include "vendata.metadata.pod" (dict "context" .context "component" .component "values" .context.Values.jobs) | nindent 4 }}
    spec:
      {{- include "mongo.job.podSpec" . | nindent 6 }}
{{- end -}}

{{/*
Pod spec of a mongosh Job: runs files/<script> with config.json beside it and the
named keys of the stack Secret in its environment; the pod settings of mongo.jobs.
beforeObjects: a pre-upgrade hook's (vendata.pod.preamble).
Usage: include "mongo.job.podSpec" (dict "context" $ "script" "init.js" "configMap" "mongo-scripts" "secretKeys" (list ...) ["beforeObjects" true])
*/}}
{{- define "mongo.job.podSpec" -}}
{{- $ := .context -}}
{{- $pod := $.Values.jobs -}}
{{ include "vendata.pod.preamble" (dict "context" $ "values" $pod "account" "mongo-jobs" "user" 999 "restartPolicy" "Never" "spread" false "beforeObjects" .beforeObjects) }}
containers:
  - name: mongosh
    image: {{ include "vendata.images.image" (dict "context" $ "image" $.Values.image) }}
    imagePullPolicy: {{ $.Values.image.pullPolicy }}
    command: ["mongosh", "--nodb", "--norc", "--quiet", "/scripts/{{ .script }}"]
    env:
      # mongosh keeps its state under $HOME; the root filesystem is read-only.
      - name: HOME
        value: /tmp
      {{- range .secretKeys }}
      - name: {{ . }}
        valueFrom:
          secretKeyRef:
            name: {{ include "vendata.secrets.name" (dict "context" $) }}
            key: {{ . }}
      {{- end }}
      {{- with include "vendata.container.env" (dict "values" $pod) }}{{ . | nindent 6 }}{{ end }}
    {{- with include "vendata.container.envFrom" (dict "values" $pod) }}
    envFrom:
      {{- . | nindent 6 }}
    {{- end }}
    resources:
      {{- toYaml $.Values.jobs.resources | nindent 6 }}
    securityContext:
      {{- include "vendata.security.container" (dict "override" $pod.containerSecurityContext) | nindent 6 }}
    volumeMounts:
      - name: scripts
        mountPath: /scripts
        readOnly: true
      - name: tmp
        mountPath: /tmp
      {{- with include "vendata.container.volumeMounts" (dict "values" $pod) }}{{ . | nindent 6 }}{{ end }}
volumes:
  - name: scripts
    configMap:
      name: {{ include "vendata.names.fullname" (dict "context" $ "component" .configMap) }}
  - name: tmp
    emptyDir: {}
  {{- with $pod.extraVolumes }}{{ toYaml . | nindent 2 }}{{ end }}
{{- end -}}

