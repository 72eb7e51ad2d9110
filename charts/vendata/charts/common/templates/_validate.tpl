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

{{/*
A workload's pod settings (.Values, .Values.members, ...; see vendata.pod.preamble), one
message a line:
- podLabels may not set a label the chart sets (selectors, NetworkPolicies and PDBs rely on them);
- podAnnotations may not set checksum/* or vendata/* (the chart's), nor prometheus.io/* while the
  chart's exporter (metrics, optional) runs;
- extraEnvVars may not set a variable of reservedEnv (optional: what the chart computes);
- unless allowUnrestricted: the pod and container security contexts (merged over the
  restricted ones, as rendered), initContainers and sidecars and extraVolumes must pass the
  restricted Pod Security Standard.
Usage: include "vendata.validate.pod" (dict "context" $ "key" "api" "component" "api" "values" .Values ["metrics" .Values.metrics] ["reservedEnv" (list ...)])
*/}}
{{- define "vendata.validate.pod" -}}
{{- $key := .key -}}
{{- $v := .values -}}
{{- $own := include "vendata.labels.standard" (dict "context" .context "component" .component) | fromYaml -}}
{{- range $label, $_ := $v.podLabels -}}
{{- if hasKey $own $label }}
{{ printf "%s.podLabels.%s: the chart sets this label itself (its selectors, NetworkPolicies and PodDisruptionBudgets rely on it); podLabels can only add labels" $key $label }}
{{- end -}}
{{- end -}}
{{- $metrics := include "vendata.metrics.annotations" (dict "metrics" (.metrics | default dict)) | fromYaml -}}
{{- range $name, $_ := $v.podAnnotations -}}
{{- if or (hasPrefix "checksum/" $name) (hasPrefix "vendata/" $name) (hasKey $metrics $name) }}
{{ printf "%s.podAnnotations.%s: the chart sets this annotation itself; podAnnotations can only add annotations" $key $name }}
{{- end -}}
{{- end -}}
{{- range $i, $env := $v.extraEnvVars -}}
{{- if has $env.name ($.reservedEnv | default list) }}
{{ printf "%s.extraEnvVars[%d] (%s): the chart computes this variable itself; it cannot be overridden" $key $i $env.name }}
{{- end -}}
{{- end -}}
{{- if not $v.allowUnrestricted -}}
{{- $hint := printf "set %s.allowUnrestricted: true to allow it (the namespace must admit such pods)" $key -}}
{{- include "vendata.validate.restricted" (dict "key" (printf "%s.podSecurityContext" $key) "hint" $hint "pod" true "securityContext" (include "vendata.security.pod" (dict "override" $v.podSecurityContext) | fromYaml)) -}}
{{- include "vendata.validate.restricted" (dict "key" (printf "%s.containerSecurityContext" $key) "hint" $hint "securityContext" (include "vendata.security.container" (dict "override" $v.containerSecurityContext) | fromYaml)) -}}
{{- range $list := list "initContainers" "sidecars" -}}
{{- range $i, $c := get $v $list | default list -}}
{{- $where := printf "%s.%s[%d]" $key $list $i -}}
{{- include "vendata.validate.restricted" (dict "key" (printf "%s.securityContext" $where) "hint" $hint "securityContext" (include "vendata.security.container" (dict "override" $c.securityContext) | fromYaml)) -}}
{{- range $c.ports -}}
{{- if .hostPort }}
{{ printf "%s.ports: hostPort (%v) breaks the restricted Pod Security Standard; %s" $where .hostPort $hint }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $types := list "configMap" "csi" "downwardAPI" "emptyDir" "ephemeral" "persistentVolumeClaim" "projected" "secret" -}}
{{- range $i, $volume := $v.extraVolumes -}}
{{- range $type, $_ := omit $volume "name" -}}
{{- if not (has $type $types) }}
{{ printf "%s.extraVolumes[%d] (%s): a %s volume breaks the restricted Pod Security Standard (it admits %s); %s" $key $i $volume.name $type (join ", " $types) $hint }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
What the restricted Pod Security Standard forbids in one security context (a pod's with
"pod" true, else a container's), as rendered; hint says how to allow it anyway.
Usage: include "vendata.validate.restricted" (dict "key" "api.containerSecurityContext" "hint" "..." "securityContext" $merged ["pod" true])
*/}}
{{- define "vendata.validate.restricted" -}}
{{- $sc := .securityContext -}}
{{- $bad := list -}}
{{- if eq (toString $sc.runAsNonRoot) "false" }}{{ $bad = append $bad "runAsNonRoot (false): the pods must run as non-root" }}{{ end -}}
{{- if and (hasKey $sc "runAsUser") (eq (int $sc.runAsUser) 0) }}{{ $bad = append $bad "runAsUser (0): root is refused" }}{{ end -}}
{{- with $sc.seccompProfile }}{{ if not (has .type (list "RuntimeDefault" "Localhost")) }}{{ $bad = append $bad (printf "seccompProfile.type (%v): only RuntimeDefault or Localhost" .type) }}{{ end }}{{ end -}}
{{- with $sc.appArmorProfile }}{{ if eq .type "Unconfined" }}{{ $bad = append $bad "appArmorProfile.type (Unconfined)" }}{{ end }}{{ end -}}
{{- with $sc.seLinuxOptions -}}
{{- if and .type (not (has .type (list "container_t" "container_init_t" "container_kvm_t" "container_engine_t"))) }}{{ $bad = append $bad (printf "seLinuxOptions.type (%s)" .type) }}{{ end -}}
{{- if or .user .role }}{{ $bad = append $bad "seLinuxOptions.user or role: must not be set" }}{{ end -}}
{{- end -}}
{{- with $sc.windowsOptions }}{{ if .hostProcess }}{{ $bad = append $bad "windowsOptions.hostProcess (true)" }}{{ end }}{{ end -}}
{{- if .pod -}}
{{- $safe := list "kernel.shm_rmid_forced" "net.ipv4.ip_local_port_range" "net.ipv4.ip_unprivileged_port_start" "net.ipv4.tcp_syncookies" "net.ipv4.ping_group_range" "net.ipv4.ip_local_reserved_ports" "net.ipv4.tcp_keepalive_time" "net.ipv4.tcp_fin_timeout" "net.ipv4.tcp_keepalive_intvl" "net.ipv4.tcp_keepalive_probes" -}}
{{- range $sc.sysctls }}{{ if not (has .name $safe) }}{{ $bad = append $bad (printf "sysctls (%s): not a safe sysctl" .name) }}{{ end }}{{ end -}}
{{- else -}}
{{- if $sc.privileged }}{{ $bad = append $bad "privileged (true)" }}{{ end -}}
{{- if ne (toString $sc.allowPrivilegeEscalation) "false" }}{{ $bad = append $bad (printf "allowPrivilegeEscalation (%v): must be false" $sc.allowPrivilegeEscalation) }}{{ end -}}
{{- $caps := $sc.capabilities | default dict -}}
{{- if not (has "ALL" ($caps.drop | default list)) }}{{ $bad = append $bad "capabilities.drop: must include ALL" }}{{ end -}}
{{- range $caps.add }}{{ if ne . "NET_BIND_SERVICE" }}{{ $bad = append $bad (printf "capabilities.add (%s): only NET_BIND_SERVICE" .) }}{{ end }}{{ end -}}
{{- if and $sc.procMount (ne $sc.procMount "Default") }}{{ $bad = append $bad (printf "procMount (%s): only Default" $sc.procMount) }}{{ end -}}
{{- end -}}
{{- range $bad }}
{{ printf "%s.%s breaks the restricted Pod Security Standard; %s" $.key . $.hint }}
{{- end -}}
{{- end -}}
