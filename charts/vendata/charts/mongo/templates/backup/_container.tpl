{{/*
A container of the backup Job: runs files/<script> with bash, the archives in /backup.
"image" is the image's values (vendata.images.image), "imageKey" its key when it is not
the chart's own image (for its pinned tag); "env", a list of name and value.
Usage: include "mongo.backup.container" (dict "context" $ "container" (dict "name" "dump" "image" .Values.image "script" "backup.sh" "env" (list ...)))
*/}}
{{- define "mongo.backup.container" -}}
{{- $ := .context -}}
{{- $b := $.Values.backup -}}
{{- $c := .container -}}
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
    {{- else }}
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
  resources:
    {{- toYaml $b.resources | nindent 4 }}
  securityContext:
    {{- include "vendata.security.container" (dict "context" $) | nindent 4 }}
  volumeMounts:
    - name: backup
      mountPath: /backup
    - name: tmp
      mountPath: /tmp
    - name: scripts
      mountPath: /scripts
      readOnly: true
{{- end -}}
