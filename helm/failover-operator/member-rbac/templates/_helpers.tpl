{{- define "member-rbac.name" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "member-rbac.labels" -}}
app.kubernetes.io/name: failover-operator-member-rbac
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "member-rbac.subjects" -}}
{{- if .Values.serviceAccount.create }}
- kind: ServiceAccount
  name: {{ .Values.serviceAccount.name }}
  namespace: {{ .Release.Namespace }}
{{- end }}
{{- with .Values.extraSubjects }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- /* The user names the subjects authenticate as, as a JSON list for CEL. */ -}}
{{- define "member-rbac.usernames" -}}
{{- $names := list -}}
{{- if .Values.serviceAccount.create -}}
{{- $names = append $names (printf "system:serviceaccount:%s:%s" .Release.Namespace .Values.serviceAccount.name) -}}
{{- end -}}
{{- range .Values.extraSubjects -}}
{{- if eq .kind "ServiceAccount" -}}
{{- $names = append $names (printf "system:serviceaccount:%s:%s" .namespace .name) -}}
{{- else if eq .kind "User" -}}
{{- $names = append $names .name -}}
{{- else -}}
{{- fail "restoreTests: a Group subject cannot be limited by the admission policy; bind a User or ServiceAccount" -}}
{{- end -}}
{{- end -}}
{{- toJson $names -}}
{{- end -}}
