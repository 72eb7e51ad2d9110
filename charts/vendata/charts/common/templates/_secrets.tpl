{{/*
Name of the Secret holding JWT_SECRET, MONGODB_PASSWORD, REDIS_PASSWORD, ADMIN_TOKEN
and MONGODB_KEYFILE: global.existingSecret when set, else the one the umbrella generates.
Usage: include "vendata.secrets.name" (dict "context" $)
*/}}
{{- define "vendata.secrets.name" -}}
{{- (.context.Values.global).existingSecret | default (printf "%s-secrets" .context.Release.Name) -}}
{{- end -}}

{{/* The keys every vendata Secret must hold. */}}
{{- define "vendata.secrets.requiredKeys" -}}
{{- list "JWT_SECRET" "MONGODB_PASSWORD" "REDIS_PASSWORD" "ADMIN_TOKEN" "MONGODB_KEYFILE" | toJson -}}
{{- end -}}
