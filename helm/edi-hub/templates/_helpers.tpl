{{/*
The chart's name, cut to 63 characters: Kubernetes names and label values may be no longer (DNS labels).
*/}}
{{- define "edi-hub.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release's full name; a release whose name already holds the chart's name is not named twice.
*/}}
{{- define "edi-hub.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version for the helm.sh/chart label.
*/}}
{{- define "edi-hub.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "edi-hub.labels" -}}
helm.sh/chart: {{ include "edi-hub.chart" . }}
{{ include "edi-hub.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: edi-hub
{{- end }}

{{/*
Selector labels: never the chart's or the app's version, since a selector cannot change after the first install.
*/}}
{{- define "edi-hub.selectorLabels" -}}
app.kubernetes.io/name: {{ include "edi-hub.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount the pods run as.
*/}}
{{- define "edi-hub.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "edi-hub.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The ConfigMap of partner profiles, or nothing when the image's own folder is used.
*/}}
{{- define "edi-hub.partnersConfigMap" -}}
{{- if .Values.partners.existingConfigMap }}
{{- .Values.partners.existingConfigMap }}
{{- else if .Values.partners.files }}
{{- printf "%s-partners" (include "edi-hub.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
The ConfigMap of route files that replace or join the image's routes.
*/}}
{{- define "edi-hub.routesConfigMap" -}}
{{- printf "%s-routes" (include "edi-hub.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
