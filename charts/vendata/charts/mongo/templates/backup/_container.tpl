{{/*
A container of the backup Job: runs files/<script> with bash, the archives in /backup; with
the extra environment, mounts and container security context of mongo.jobs.
"image" is the image's values (vendata.images.image), "imageKey" its key when it is not
the chart's own image (for its pinned tag); "env", a list of name and value.
Usage: include "mongo.backup.container" (dict "context" $ "container" (dict "name" "dump" "image" .Values.image "script" "backup.sh" "env" (list ...)))
*/}}
{{- define "mongo.backup.container" -}}
{{- $ := .context -}}
{{- $b := $.Values.backup -}}
{{- $c := .container -}}
{{- $pod := $.Values.jobs -}}
- name: {{ $c.name }}
  image: {{ include "vendata.images.image" (dict "context" $ "image" $c.image "key" ($c.imageKey | default "")) }}
  imagePullPolicy: {{ $c.image.pullPolicy }}
  command: ["bash", "/scripts/{{ $c.script }}"]
  env:
    - name: HOME
      value: /tmp
    - name: BACKUP_DIR
      value: /backup
    - name: RETENTION_DAYS
      value: {{ $b.retentionDays | quote }}
    {{- /* Secrets first: $(VAR) in a value expands only variables defined above it. */}}
    {{- if eq $c.name "dump" }}
    - name: MONGODB_BACKUP_PASSWORD
      valueFrom:
        secretKeyRef:
          name: {{ include "vendata.secrets.name" (dict "context" $) }}
          key: MONGODB_BACKUP_PASSWORD
    {{- else if $b.s3.existingSecret }}
    {{- /* Without it, the AWS CLI takes the pod's identity (mongo.jobs.serviceAccount: IRSA, Workload Identity). */}}
    {{- range list "AWS_ACCESS_KEY_ID" "AWS_SECRET_ACCESS_KEY" }}
    - name: {{ . }}
      valueFrom:
        secretKeyRef:
          name: {{ $b.s3.existingSecret }}
          key: {{ . }}
    {{- end }}
    {{- end }}
    {{- range $c.env }}
    - name: {{ .name }}
      value: {{ .value | quote }}
    {{- end }}
    {{- with include "vendata.container.env" (dict "values" $pod) }}{{ . | nindent 4 }}{{ end }}
  {{- with include "vendata.container.envFrom" (dict "values" $pod) }}
  envFrom:
    {{- . | nindent 4 }}
  {{- end }}
  resources:
    {{- toYaml $b.resources | nindent 4 }}
  securityContext:
    {{- include "vendata.security.container" (dict "override" $pod.containerSecurityContext) | nindent 4 }}
  volumeMounts:
    - name: backup
      mountPath: /backup
    - name: tmp
      mountPath: /tmp
    - name: scripts
      mountPath: /scripts
      readOnly: true
    {{- with include "vendata.container.volumeMounts" (dict "values" $pod) }}{{ . | nindent 4 }}{{ end }}
{{- end -}}
