{{/*
One mongod StatefulSet. Only spec.replicas and the pod template may change between
phases (the rest is immutable), so the standalone and the replica set differ in args
alone and keep the claim template "data": `helm upgrade` from phase 1 to 2 keeps pod 0's data.
Usage: include "mongo.statefulset" (dict "context" $ "component" "mongo" "replicas" 3 "args" (list ...))
*/}}
{{- define "mongo.statefulset" -}}
{{- $ := .context -}}
{{- $ctx := dict "context" $ "component" .component -}}
{{- $pod := $.Values.members -}}
{{ include "vendata.metadata.header" (merge (dict "apiVersion" "apps/v1" "kind" "StatefulSet") $ctx) }}
spec:
  serviceName: {{ include "vendata.names.headless" $ctx }}
  replicas: {{ .replicas }}
  # All members start together: a member is ready only once it is in the set, and the
  # init Job adds it only once it answers, so ordered start would wait forever.
  podManagementPolicy: Parallel
  updateStrategy:
    type: RollingUpdate
  {{- include "vendata.labels.workloadSelector" $ctx | nindent 2 }}
  template:
    {{- include "vendata.metadata.pod" (merge (dict "values" $pod "annotations" (include "vendata.metrics.annotations" (dict "context" $ "metrics" $.Values.metrics) | fromYaml)) $ctx) | nindent 4 }}
    spec:
      {{- /* members.terminationGracePeriodSeconds, 60 s: a primary steps down and a member flushes its journal on SIGTERM. */}}
      {{- include "vendata.pod.preamble" (dict "context" $ "component" .component "values" $pod "account" "mongo" "user" 999 "initContainers" (include "mongo.keyfile.initContainer" $ctx)) | nindent 6 }}
      containers:
        - name: mongod
          image: {{ include "vendata.images.image" (dict "context" $ "image" $.Values.image) }}
          imagePullPolicy: {{ $.Values.image.pullPolicy }}
          args:
            {{- toYaml .args | nindent 12 }}
          env:
            # The probes' mongosh keeps its state under $HOME (the image says /data/db).
            - name: HOME
              value: /tmp
            {{- with include "vendata.container.env" (dict "values" $pod) }}{{ . | nindent 12 }}{{ end }}
          {{- with include "vendata.container.envFrom" (dict "values" $pod) }}
          envFrom:
            {{- . | nindent 12 }}
          {{- end }}
          ports:
            - name: mongodb
              containerPort: {{ $.Values.port }}
          {{- include "mongo.pod.probes" $ctx | nindent 10 }}
          resources:
            {{- toYaml $.Values.resources | nindent 12 }}
          securityContext:
            {{- include "vendata.security.container" (dict "override" $pod.containerSecurityContext) | nindent 12 }}
          volumeMounts:
            - name: data
              mountPath: /data/db
            {{- include "mongo.pod.mounts" $ctx | nindent 12 }}
            {{- with include "vendata.container.volumeMounts" (dict "values" $pod) }}{{ . | nindent 12 }}{{ end }}
        {{- with include "mongo.metrics.container" $ctx }}{{ . | nindent 8 }}{{ end }}
        {{- with include "vendata.container.added" (dict "containers" $pod.sidecars) }}{{ . | nindent 8 }}{{ end }}
      volumes:
        {{- include "mongo.pod.volumes" $ctx | nindent 8 }}
        {{- with include "vendata.persistence.volume" (dict "persistence" $.Values.persistence) }}{{ . | nindent 8 }}{{ end }}
        {{- with $pod.extraVolumes }}{{ toYaml . | nindent 8 }}{{ end }}
  {{- with include "vendata.persistence.claimTemplates" (dict "context" $ "persistence" $.Values.persistence) }}{{ . | nindent 2 }}{{ end }}
{{- end -}}
