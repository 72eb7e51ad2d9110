{{/*
Generic pieces for the rules across fields that a JSON schema cannot say. The rules
themselves live in the chart whose keys they check (<chart>/templates/_validate.tpl,
called once from that chart's templates/validate.yaml; rules across charts in the
umbrella's templates/_validate.tpl). Each check below returns its messages, one per
line, empty when the values are fine; "vendata.validate.fail" fails the render once
with all of them, so a bad value never yields a half-rendered release. The toolkit
(src/values/validate.ts) reads the same messages from Helm's error.
*/}}

{{/*
Fails the render once with every non-empty message, each on a line of its own after
the "VALUES VALIDATION" line (the toolkit reads the lines starting with "- ").
Usage: include "vendata.validate.fail" (dict "chart" "api" "messages" (list (include "vendata.validate.gracePeriod" (dict "key" "api" "values" .Values))))
*/}}
{{- define "vendata.validate.fail" -}}
{{- $lines := list -}}
{{- range .messages -}}
{{- range splitList "\n" . -}}
{{- if trim . }}{{ $lines = append $lines (trim .) }}{{ end -}}
{{- end -}}
{{- end -}}
{{- if $lines -}}
{{- fail (printf "\nVALUES VALIDATION (%s chart, %d problem(s)):\n- %s" .chart (len $lines) (join "\n- " $lines)) -}}
{{- end -}}
{{- end -}}

{{/*
An autoscaler's range. Usage: include "vendata.validate.autoscaling" (dict "key" "api.autoscaling" "autoscaling" .Values.autoscaling)
*/}}
{{- define "vendata.validate.autoscaling" -}}
{{- $a := .autoscaling -}}
{{- if and $a.enabled (lt (int $a.maxReplicas) (int $a.minReplicas)) -}}
{{- printf "%s.maxReplicas (%d) must be >= %s.minReplicas (%d)" .key (int $a.maxReplicas) .key (int $a.minReplicas) -}}
{{- end -}}
{{- end -}}

{{/*
persistence.existingClaim is one claim: refused when the chart would mount it in more than one pod.
Usage: include "vendata.validate.existingClaim" (dict "key" "redis.persistence" "persistence" .Values.persistence "pods" 3)
*/}}
{{- define "vendata.validate.existingClaim" -}}
{{- $p := .persistence -}}
{{- if and $p.enabled $p.existingClaim (gt (int .pods) 1) -}}
{{- printf "%s.existingClaim (%s) is one claim for one pod, but %d pods would mount it: leave it empty (each pod claims its own volume) or run a single pod" .key $p.existingClaim (int .pods) -}}
{{- end -}}
{{- end -}}

{{/*
A pod that sleeps in preStop must get longer than the sleep in all.
Usage: include "vendata.validate.gracePeriod" (dict "key" "api" "values" .Values)
*/}}
{{- define "vendata.validate.gracePeriod" -}}
{{- $grace := int .values.terminationGracePeriodSeconds -}}
{{- $sleep := int .values.preStopSleepSeconds -}}
{{- if le $grace $sleep -}}
{{- printf "%s.terminationGracePeriodSeconds (%d) must be greater than %s.preStopSleepSeconds (%d), or the pod is killed before it finishes its requests" .key $grace .key $sleep -}}
{{- end -}}
{{- end -}}

{{/*
A container's requests must not exceed its limits (Kubernetes refuses such a pod only
when the API server sees it; this names the key at render time). One line per resource.
Usage: include "vendata.validate.resources" (dict "key" "api.resources" "resources" .Values.resources)
*/}}
{{- define "vendata.validate.resources" -}}
{{- $requests := .resources.requests | default dict -}}
{{- $limits := .resources.limits | default dict -}}
{{- range $name := list "cpu" "memory" -}}
{{- if and (hasKey $requests $name) (hasKey $limits $name) -}}
{{- $request := get $requests $name -}}
{{- $limit := get $limits $name -}}
{{- if gt (include "vendata.validate.quantity" $request | float64) (include "vendata.validate.quantity" $limit | float64) }}
{{ printf "%s.requests.%s (%s) must be <= %s.limits.%s (%s)" $.key $name (include "vendata.validate.text" $request) $.key $name (include "vendata.validate.text" $limit) }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The number in a Kubernetes quantity (4Gi, 4G, 4096M, 500m = 0.5, a plain number) or a
Redis size (2gb: 1024-based), as a string for `float64`.
Usage: include "vendata.validate.quantity" "4Gi"
*/}}
{{- define "vendata.validate.quantity" -}}
{{- $text := include "vendata.validate.text" . -}}
{{- $number := regexFind "^[0-9]+(\\.[0-9]+)?" $text -}}
{{- $unit := trimPrefix $number $text -}}
{{- $units := dict "" 1.0 "m" 0.001 "k" 1e3 "M" 1e6 "G" 1e9 "T" 1e12 "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0 "kb" 1024.0 "mb" 1048576.0 "gb" 1073741824.0 -}}
{{- if or (not $number) (not (hasKey $units $unit)) -}}
{{- fail (printf "cannot read %q as a size" $text) -}}
{{- end -}}
{{- mulf (float64 $number) (get $units $unit) -}}
{{- end -}}

{{/*
A value as the user wrote it: YAML numbers come in as float64, printed without an
exponent (0.5 stays 0.5). Usage: include "vendata.validate.text" .Values.resources.limits.cpu
*/}}
{{- define "vendata.validate.text" -}}
{{- if kindIs "string" . }}{{ . }}{{ else if eq (float64 .) (float64 (int64 .)) }}{{ int64 . }}{{ else }}{{ . }}{{ end -}}
{{- end -}}

{{/*
Every image under values (a map with a repository, at any depth; global skipped) whose
tag is "latest", one message each, naming the key as the umbrella knows it.
Usage: include "vendata.validate.imageTags" (dict "key" "redis" "values" .Values)
*/}}
{{- define "vendata.validate.imageTags" -}}
{{- range $name, $value := .values -}}
{{- if and (kindIs "map" $value) (ne $name "global") -}}
{{- $key := printf "%s.%s" $.key $name -}}
{{- if hasKey $value "repository" -}}
{{- if eq (toString $value.tag) "latest" }}
{{ $key }}.tag must not be latest: the tag moves, so nodes that pull at different times run different images and a rollback brings nothing back; pin a version (or a digest), or leave it empty for the chart's pinned one
{{- end -}}
{{- else }}
{{ include "vendata.validate.imageTags" (dict "key" $key "values" $value) }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
