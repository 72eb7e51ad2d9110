{{/*
The head of every object: apiVersion, kind and metadata. The name is the component's
(vendata.names.fullname) unless "name" is given, and either is held to the kind's length
limit (vendata.names.checked); the
namespace is the release's; the labels are vendata.labels.standard (with
global.commonLabels); the annotations are global.commonAnnotations and the object's own
(its own win on a shared key).
  apiVersion, kind  required
  component         required: the labels' component, and the default name
  name              the object's name, when it is not the component's fullname
  namespace         another namespace (Velero's Schedule); false: cluster-scoped, none
  version           the labels' app.kubernetes.io/version (vendata.labels.standard)
  labels            further labels of the object (a map; a metrics Service's, for a ServiceMonitor)
  annotations       the object's own annotations (a map)
Usage: include "vendata.metadata.header" (dict "context" $ "component" "api" "apiVersion" "v1" "kind" "ConfigMap")
       include "vendata.metadata.header" (merge (dict "apiVersion" "apps/v1" "kind" "Deployment") $ctx)
*/}}
{{- define "vendata.metadata.header" -}}
{{- $annotations := merge (dict) (.annotations | default dict) ((.context.Values.global).commonAnnotations | default dict) -}}
apiVersion: {{ .apiVersion }}
kind: {{ .kind }}
metadata:
  {{- if .name }}
  name: {{ include "vendata.names.checked" (dict "context" .context "name" .name "kind" .kind) }}
  {{- else }}
  name: {{ include "vendata.names.fullname" . }}
  {{- end }}
  {{- if not (hasKey . "namespace") }}
  namespace: {{ .context.Release.Namespace }}
  {{- else if .namespace }}
  namespace: {{ .namespace }}
  {{- end }}
  labels:
    {{- include "vendata.labels.standard" . | nindent 4 }}
    {{- with .labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/*
The metadata of a pod template: the standard labels (with global.commonLabels), then
values.podLabels; the given annotations (checksums, scrape annotations) with
values.podAnnotations (the chart's rules refuse a key it sets itself: vendata.validate.pod).
global.commonAnnotations stay on the objects: on pods, changing one would roll them all.
  values  the workload's pod settings (.Values, .Values.members, ...; optional)
Usage: include "vendata.metadata.pod" (dict "context" $ "component" "api" "values" .Values "annotations" $annotations) | nindent 4
*/}}
{{- define "vendata.metadata.pod" -}}
metadata:
  labels:
    {{- include "vendata.labels.standard" . | nindent 4 }}
    {{- with (.values).podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with merge (dict) (.annotations | default dict) ((.values).podAnnotations | default dict) }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
