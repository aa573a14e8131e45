{{- define "failover-operator.fullname" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "failover-operator.labels" -}}
app.kubernetes.io/name: failover-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "failover-operator.selectorLabels" -}}
app.kubernetes.io/name: failover-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
