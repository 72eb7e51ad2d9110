{{/*
Recommended labels (app.kubernetes.io/*) for every object of a component, then
global.commonLabels (the umbrella's rules refuse one that sets a label of these). "version"
(optional) is the component's own version when it is not the chart's appVersion.
Usage: include "vendata.labels.standard" (dict "context" $ "component" "api" ["version" "1.0.0"])
*/}}
{{- define "vendata.labels.standard" -}}
{{ include "vendata.labels.selector" . }}
app.kubernetes.io/component: {{ include "vendata.labels.group" . }}
app.kubernetes.io/version: {{ .version | default .context.Chart.AppVersion | default .context.Chart.Version | quote }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/part-of: vendata
helm.sh/chart: {{ printf "%s-%s" .context.Chart.Name .context.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- with (.context.Values.global).commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels that select a component's pods; they never change on upgrade. */}}
{{- define "vendata.labels.selector" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
{{- end -}}

{{/*
The selector of a workload or a PodDisruptionBudget: its component's pods (immutable on a
Deployment and a StatefulSet, so it holds the selector labels alone).
Usage: include "vendata.labels.workloadSelector" (dict "context" $ "component" "api") | nindent 2
*/}}
{{- define "vendata.labels.workloadSelector" -}}
selector:
  matchLabels:
    {{- include "vendata.labels.selector" . | nindent 4 }}
{{- end -}}


{{/*
The component's group (its app.kubernetes.io/component label, which NetworkPolicies
select): the chart's name for a component named "<chart>-..." ("mongo-shard0" and
"mongo-mongos" in the mongo chart are "mongo"), else the component's whole name, so a
component "api-worker" of another chart never joins the API's group.
*/}}
{{- define "vendata.labels.group" -}}
{{- $chart := .context.Chart.Name -}}
{{- ternary $chart .component (hasPrefix (printf "%s-" $chart) .component) -}}
{{- end -}}
