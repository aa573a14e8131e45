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
