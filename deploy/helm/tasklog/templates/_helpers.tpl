{{/* Names and labels. */}}
{{- define "tasklog.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tasklog.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "tasklog.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tasklog
{{- end -}}

{{- define "tasklog.labels" -}}
{{ include "tasklog.commonLabels" . }}
app.kubernetes.io/name: {{ include "tasklog.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one component: include "tasklog.selectorLabels" (list . "app") */}}
{{- define "tasklog.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ include "tasklog.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "tasklog.componentLabels" -}}
{{ include "tasklog.commonLabels" (index . 0) }}
{{ include "tasklog.selectorLabels" . }}
{{- end -}}

{{- define "tasklog.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tasklog.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "tasklog.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* PostgreSQL: where the app connects, and the Secret holding the password. */}}
{{- define "tasklog.postgresql.fullname" -}}
{{- printf "%s-postgresql" (include "tasklog.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tasklog.datasourceUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- if $pg.external.enabled -}}
{{- $url := printf "jdbc:postgresql://%s:%d/%s" $pg.external.host (int $pg.external.port) $pg.external.database -}}
{{- if $pg.external.jdbcParameters -}}{{- $url = printf "%s?%s" $url $pg.external.jdbcParameters -}}{{- end -}}
{{- $url -}}
{{- else -}}
{{- printf "jdbc:postgresql://%s:5432/%s" (include "tasklog.postgresql.fullname" .) $pg.database -}}
{{- end -}}
{{- end -}}

{{- define "tasklog.datasourceUsername" -}}
{{- if .Values.postgresql.external.enabled -}}{{ .Values.postgresql.external.username }}{{- else -}}{{ .Values.postgresql.username }}{{- end -}}
{{- end -}}

{{- define "tasklog.postgresql.secretName" -}}
{{- $pg := .Values.postgresql -}}
{{- if and $pg.external.enabled $pg.external.existingSecret -}}
{{- $pg.external.existingSecret -}}
{{- else if and (not $pg.external.enabled) $pg.existingSecret -}}
{{- $pg.existingSecret -}}
{{- else -}}
{{- include "tasklog.postgresql.fullname" . -}}
{{- end -}}
{{- end -}}

{{- define "tasklog.postgresql.secretKey" -}}
{{- if and .Values.postgresql.external.enabled .Values.postgresql.external.existingSecret -}}
{{- .Values.postgresql.external.existingSecretPasswordKey -}}
{{- else -}}
password
{{- end -}}
{{- end -}}

{{/* Kafka: the in-cluster Redpanda's Service, or the external bootstrap servers. */}}
{{- define "tasklog.redpanda.fullname" -}}
{{- printf "%s-redpanda" (include "tasklog.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tasklog.kafkaBootstrapServers" -}}
{{- if .Values.kafka.external.enabled -}}
{{- .Values.kafka.external.bootstrapServers -}}
{{- else -}}
{{- printf "%s:9092" (include "tasklog.redpanda.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "tasklog.jwtSecretName" -}}
{{- default (printf "%s-jwt" (include "tasklog.fullname" .)) .Values.config.security.existingSecret -}}
{{- end -}}

{{/*
A Secret value generated once: the value already stored in the cluster (on upgrade), else the given one,
else a random one. include "tasklog.keptSecretValue" (dict "root" . "name" $secret "key" "k" "given" "" "generate" "alnum|base64")
Returns the base64 encoding used in Secret data.
*/}}
{{- define "tasklog.keptSecretValue" -}}
{{- if .given -}}
{{- .given | b64enc -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .name -}}
{{- if and $existing (hasKey $existing.data .key) -}}
{{- index $existing.data .key -}}
{{- else if eq .generate "base64" -}}
{{- randAlphaNum 48 | b64enc | b64enc -}}
{{- else -}}
{{- randAlphaNum 32 | b64enc -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Restricted-profile container security context (readOnlyRootFilesystem is set by each container). */}}
{{- define "tasklog.containerSecurityContext" -}}
allowPrivilegeEscalation: false
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}
