{{/*
What Prometheus' service discovery may read: get, list and watch, nothing more. A
ClusterRole (rbac.namespaced false) adds the nodes, for the kubernetes-nodes job; a Role
(rbac.namespaced true) covers the release's namespace only, where the kubernetes-pods job
looks. A ClusterRole is cluster-wide, so its name carries the namespace (two releases'
roles stay apart).
Usage: include "monitoring.rbac.name" (dict "context" $ "kind" "ClusterRole")
       include "monitoring.rbac.role" (dict "context" $ "kind" "Role")
       include "monitoring.rbac.binding" (dict "context" $ "kind" "Role")
*/}}
{{- define "monitoring.rbac.name" -}}
{{- $name := include "vendata.names.fullname" (dict "context" .context "component" "prometheus") -}}
{{- if eq .kind "ClusterRole" }}{{ printf "%s-%s" .context.Release.Namespace $name }}{{ else }}{{ $name }}{{ end -}}
{{- end -}}

{{- /* The head of the role (object "") or its binding (object "Binding"): a Role's in the release's namespace. */ -}}
{{- define "monitoring.rbac.head" -}}
{{ include "vendata.metadata.header" (dict "context" .context "component" "prometheus" "apiVersion" "rbac.authorization.k8s.io/v1" "kind" (printf "%s%s" .kind .object) "name" (include "monitoring.rbac.name" .) "namespace" (ternary .context.Release.Namespace false (eq .kind "Role"))) }}
{{- end -}}

{{- define "monitoring.rbac.role" -}}
{{ include "monitoring.rbac.head" (merge (dict "object" "") .) }}
rules:
  - apiGroups: [""]
    {{- if eq .kind "ClusterRole" }}
    resources: ["pods", "nodes", "nodes/metrics", "services", "endpoints"]
    {{- else }}
    resources: ["pods", "services", "endpoints"]
    {{- end }}
    verbs: ["get", "list", "watch"]
{{- end -}}

{{- define "monitoring.rbac.binding" -}}
{{ include "monitoring.rbac.head" (merge (dict "object" "Binding") .) }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: {{ .kind }}
  name: {{ include "monitoring.rbac.name" . }}
subjects:
  - kind: ServiceAccount
    name: {{ include "vendata.serviceaccount.name" (dict "context" .context "component" "prometheus" "serviceAccount" .context.Values.prometheus.serviceAccount) }}
    namespace: {{ .context.Release.Namespace }}
{{- end -}}
