{{/*
Name of the Secret holding the stack's keys (vendata.secrets.requiredKeys):
global.existingSecret when set, else the one the umbrella generates.
Usage: include "vendata.secrets.name" (dict "context" $)
*/}}
{{- define "vendata.secrets.name" -}}
{{- (.context.Values.global).existingSecret | default (printf "%s-secrets" .context.Release.Name) -}}
{{- end -}}

{{/*
The keys the stack Secret must hold for these values (the generated one holds exactly
these). The passwords of the Mongo exporter's and the backup's own users only when the
release runs its Mongo (mongo.enabled), the backup's only where the backup runs (backup
on, in the release that manages the sets). Called with the umbrella's context.
Usage: include "vendata.secrets.requiredKeys" (dict "context" $) | fromJsonArray
*/}}
{{- define "vendata.secrets.requiredKeys" -}}
{{- $keys := list "JWT_SECRET" "MONGODB_PASSWORD" "MONGODB_ROOT_PASSWORD" "REDIS_PASSWORD" "ADMIN_TOKEN" "MONGODB_KEYFILE" -}}
{{- $mongo := .context.Values.mongo | default dict -}}
{{- if $mongo.enabled -}}
  {{- $keys = append $keys "MONGODB_METRICS_PASSWORD" -}}
  {{- if and $mongo.backup.enabled $mongo.members.manage }}{{ $keys = append $keys "MONGODB_BACKUP_PASSWORD" }}{{ end -}}
{{- end -}}
{{- $keys | toJson -}}
{{- end -}}

{{/*
Fails, naming the missing keys, when global.existingSecret names a Secret that exists
but lacks required keys. `lookup` sees the cluster only on install and upgrade: offline
(helm template, --dry-run=client) and before the Secret exists nothing is checked, and
the pods wait in CreateContainerConfigError until the Secret has its keys.
Usage: include "vendata.secrets.checkExisting" (dict "context" $)
*/}}
{{- define "vendata.secrets.checkExisting" -}}
{{- $name := (.context.Values.global).existingSecret -}}
{{- $live := (lookup "v1" "Secret" .context.Release.Namespace $name).data | default dict -}}
{{- if $live -}}
{{- $missing := list -}}
{{- range $key := include "vendata.secrets.requiredKeys" . | fromJsonArray -}}
{{- if not (hasKey $live $key) }}{{ $missing = append $missing $key }}{{ end -}}
{{- end -}}
{{- if $missing -}}
{{- fail (printf "global.existingSecret: Secret %q in namespace %q lacks the keys %s (a vendata Secret holds %s)" $name .context.Release.Namespace (join ", " $missing) (include "vendata.secrets.requiredKeys" . | fromJsonArray | join ", ")) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Digest for a pod-template annotation, so pods roll when their Secret changes. A subchart
cannot see the umbrella's secrets.values, so the digest covers what it can see: the
Secret's name and its live data at install or upgrade time (lookup). Rotating the Secret
in the cluster (kubectl, a secret manager) and then running helm upgrade rolls the pods;
offline renders see no live data and give a digest of the name alone. "name" (optional)
digests another Secret the pods read (an external database's existingSecret).
Usage: include "vendata.secrets.checksum" (dict "context" $ ["name" "other-secret"])
*/}}
{{- define "vendata.secrets.checksum" -}}
{{- $name := .name | default (include "vendata.secrets.name" .) -}}
{{- $live := (lookup "v1" "Secret" .context.Release.Namespace $name).data | default dict -}}
{{- dict "name" $name "data" $live | toJson | sha256sum -}}
{{- end -}}
