{{/*
Object names are "<release>-<component>", so every chart derives a peer's names
(service hosts, secret names) the same way without reading the peer's values. A name
longer than Kubernetes allows fails the render (vendata.names.checked); it is never cut
short, since two cut names could collide.
  kind  the object's kind, for its length limit (optional: 253, a DNS subdomain)
Usage: include "vendata.names.fullname" (dict "context" $ "component" "api" ["kind" "StatefulSet"])
*/}}
{{- define "vendata.names.fullname" -}}
{{- include "vendata.names.checked" (dict "context" .context "name" (printf "%s-%s" .context.Release.Name .component) "kind" .kind) -}}
{{- end -}}

{{/* Name of the headless Service that gives each pod of a component a DNS name. */}}
{{- define "vendata.names.headless" -}}
{{- include "vendata.names.checked" (dict "context" .context "name" (printf "%s-%s-headless" .context.Release.Name .component) "kind" "Service") -}}
{{- end -}}

{{/*
Name of a Job made once per revision, "<fullname>-<revision>" (a plain Job, not a hook,
that every upgrade runs again): 7 digits are kept for the revision within a Job's 63.
Usage: include "vendata.names.perRevision" (dict "context" $ "component" "mongo-init")
*/}}
{{- define "vendata.names.perRevision" -}}
{{- $name := printf "%s-%s" .context.Release.Name .component -}}
{{- printf "%s-%d" (include "vendata.names.checked" (dict "context" .context "name" $name "kind" "Job per revision")) (int .context.Release.Revision) -}}
{{- end -}}

{{/*
A name, returned as it is when it fits Kubernetes' limit for its kind, else the render
fails naming the name, the limit and why: 63 characters for a Service (a DNS label) and a
Job (its pods' job-name label), 52 for a StatefulSet (its pods' controller-revision-hash
label, "<name>-<10-character hash>", must fit in 63) and a CronJob (its Jobs are
"<name>-<11-digit time>"), 55 for a Job made per revision (vendata.names.perRevision),
253 (a DNS subdomain) for any other kind.
Usage: include "vendata.names.checked" (dict "context" $ "name" "vendata-mongo" "kind" "StatefulSet")
*/}}
{{- define "vendata.names.checked" -}}
{{- $limits := dict
  "Service" (list 63 "a Service: its name is a DNS label")
  "Job" (list 63 "a Job: its name is its pods' job-name label")
  "StatefulSet" (list 52 "a StatefulSet: its pods' controller-revision-hash label, <name>-<10-character hash>, must fit in 63")
  "CronJob" (list 52 "a CronJob: its Jobs are named <name>-<11-digit time>")
  "Job per revision" (list 55 "a Job made per revision: <name>-<revision> must fit in 63, with 7 digits kept for the revision")
-}}
{{- $limit := get $limits (.kind | default "") | default (list 253 "a name (a DNS subdomain)") -}}
{{- $max := first $limit | int -}}
{{- if gt (len .name) $max -}}
{{- fail (printf "release name %q is too long: the name %q has %d characters, over the %d Kubernetes allows for %s; choose a release name of at most %d characters" .context.Release.Name .name (len .name) $max (last $limit) (sub $max (sub (len .name) (len .context.Release.Name)))) -}}
{{- end -}}
{{- .name -}}
{{- end -}}

{{/* DNS name of pod <index> of a StatefulSet: <fullname>-<i>.<headless>.<namespace>.svc */}}
{{- define "vendata.names.podHost" -}}
{{- printf "%s-%d.%s.%s.svc" (include "vendata.names.fullname" .) (int .index) (include "vendata.names.headless" .) .context.Release.Namespace -}}
{{- end -}}

{{/* DNS name of a Service: <fullname>.<namespace>.svc */}}
{{- define "vendata.names.serviceHost" -}}
{{- printf "%s.%s.svc" (include "vendata.names.fullname" .) .context.Release.Namespace -}}
{{- end -}}
