{{/*
Object names are "<release>-<component>", so every chart derives a peer's names
(service hosts, secret names) the same way without reading the peer's values.
Usage: include "vendata.names.fullname" (dict "context" $ "component" "api")
*/}}
{{- define "vendata.names.fullname" -}}
{{- printf "%s-%s" .context.Release.Name .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of the headless Service that gives each pod of a component a DNS name. */}}
{{- define "vendata.names.headless" -}}
{{- printf "%s-%s-headless" .context.Release.Name .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* DNS name of pod <index> of a StatefulSet: <fullname>-<i>.<headless>.<namespace>.svc */}}
{{- define "vendata.names.podHost" -}}
{{- printf "%s-%d.%s.%s.svc" (include "vendata.names.fullname" .) (int .index) (include "vendata.names.headless" .) .context.Release.Namespace -}}
{{- end -}}

{{/* DNS name of a Service: <fullname>.<namespace>.svc */}}
{{- define "vendata.names.serviceHost" -}}
{{- printf "%s.%s.svc" (include "vendata.names.fullname" .) .context.Release.Namespace -}}
{{- end -}}
