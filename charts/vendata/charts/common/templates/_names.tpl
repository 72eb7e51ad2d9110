{{/*
Object names are "<release>-<component>", so every chart derives a peer's names
(service hosts, secret names) the same way without reading the peer's values; a chart's
nameOverride or fullnameOverride changes its own components' names (vendata.names.base).
A name longer than Kubernetes allows fails the render (vendata.names.checked); it is never
cut short, since two cut names could collide.
  kind   the object's kind, for its length limit (optional: 253, a DNS subdomain)
  owner  for a component of another chart: (dict "chart" "mongo" "values" .Values.mongo),
         the chart and the values holding its overrides (no "values": it has none)
Usage: include "vendata.names.fullname" (dict "context" $ "component" "api" ["kind" "StatefulSet"])
       include "vendata.names.fullname" (dict "context" $ "component" "mongo-mongos" "owner" (dict "chart" "mongo" "values" .Values.mongo))
*/}}
{{- define "vendata.names.fullname" -}}
{{- include "vendata.names.checked" (dict "context" .context "name" (include "vendata.names.base" .) "kind" .kind "override" (include "vendata.names.overrideKey" .)) -}}
{{- end -}}

{{/* Name of the headless Service that gives each pod of a component a DNS name. */}}
{{- define "vendata.names.headless" -}}
{{- include "vendata.names.checked" (dict "context" .context "name" (printf "%s-headless" (include "vendata.names.base" .)) "kind" "Service" "override" (include "vendata.names.overrideKey" .)) -}}
{{- end -}}

{{/*
A component's name before its length is checked: "<release>-<component>", or, when the
chart owning it (the calling chart, or "owner") sets an override, the chart's name in it
replaced: "<release>-<nameOverride><rest>" or "<fullnameOverride><rest>", where <rest> is
what the component adds to the chart's name ("-shard0" of "mongo-shard0" in the mongo
chart; "-prometheus" in the monitoring chart, whose components do not start with its name).
Labels keep the component (app.kubernetes.io/name), so selectors do not change.
*/}}
{{- define "vendata.names.base" -}}
{{- $owner := ternary .owner (dict "chart" .context.Chart.Name "values" .context.Values) (hasKey . "owner") -}}
{{- $values := $owner.values | default dict -}}
{{- $prefix := $values.fullnameOverride | default "" -}}
{{- if and (not $prefix) $values.nameOverride }}{{ $prefix = printf "%s-%s" .context.Release.Name $values.nameOverride }}{{ end -}}
{{- if $prefix -}}
  {{- $rest := printf "-%s" .component -}}
  {{- if eq .component $owner.chart }}{{ $rest = "" }}{{ else if hasPrefix (printf "%s-" $owner.chart) .component }}{{ $rest = trimPrefix $owner.chart .component }}{{ end -}}
  {{- printf "%s%s" $prefix $rest -}}
{{- else -}}
  {{- printf "%s-%s" .context.Release.Name .component -}}
{{- end -}}
{{- end -}}

{{/* "<chart>.fullnameOverride" or "<chart>.nameOverride" when the owning chart sets one (for messages), else "". */}}
{{- define "vendata.names.overrideKey" -}}
{{- $owner := ternary .owner (dict "chart" .context.Chart.Name "values" .context.Values) (hasKey . "owner") -}}
{{- $values := $owner.values | default dict -}}
{{- if $values.fullnameOverride }}{{ $owner.chart }}.fullnameOverride{{ else if $values.nameOverride }}{{ $owner.chart }}.nameOverride{{ end -}}
{{- end -}}

{{/*
Name of a Job made once per revision, "<fullname>-<revision>" (a plain Job, not a hook,
that every upgrade runs again): 7 digits are kept for the revision within a Job's 63.
Usage: include "vendata.names.perRevision" (dict "context" $ "component" "mongo-init")
*/}}
{{- define "vendata.names.perRevision" -}}
{{- printf "%s-%d" (include "vendata.names.checked" (dict "context" .context "name" (include "vendata.names.base" .) "kind" "Job per revision" "override" (include "vendata.names.overrideKey" .))) (int .context.Release.Revision) -}}
{{- end -}}

{{/*
A name, returned as it is when it fits Kubernetes' limit for its kind, else the render
fails naming the name, the limit and why: 63 characters for a Service (a DNS label) and a
Job (its pods' job-name label), 52 for a StatefulSet (its pods' controller-revision-hash
label, "<name>-<10-character hash>", must fit in 63) and a CronJob (its Jobs are
"<name>-<11-digit time>"), 55 for a Job made per revision (vendata.names.perRevision),
253 (a DNS subdomain) for any other kind.
"override": the override key that made the name, named instead of the release name.
Usage: include "vendata.names.checked" (dict "context" $ "name" "vendata-mongo" "kind" "StatefulSet" ["override" "mongo.fullnameOverride"])
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
{{- $why := printf "the name %q has %d characters, over the %d Kubernetes allows for %s" .name (len .name) $max (last $limit) -}}
{{- if .override -}}
{{- fail (printf "%s is too long: %s; shorten it by %d characters" .override $why (sub (len .name) $max)) -}}
{{- end -}}
{{- fail (printf "release name %q is too long: %s; choose a release name of at most %d characters" .context.Release.Name $why (sub $max (sub (len .name) (len .context.Release.Name)))) -}}
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
