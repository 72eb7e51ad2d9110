{{/*
One mongod StatefulSet with its headless Service. The standalone and the replica set
share the name "<release>-mongo" and the claim template "data", so phase 1 -> 2 keeps
the volume of pod 0.
Usage: include "mongo.statefulset" (dict "context" $ "component" "mongo" "replicas" 3 "args" (list ...))
*/}}
{{- define "mongo.statefulset" -}}
{{- $ := .context -}}
{{- $ctx := dict "context" $ "component" .component -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "vendata.names.headless" $ctx }}
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "vendata.labels.standard" $ctx | nindent 4 }}
spec:
  clusterIP: None
  # Members must resolve each other before they are ready, or the set never forms.
  publishNotReadyAddresses: true
  selector:
    {{- include "vendata.labels.selector" $ctx | nindent 4 }}
  ports:
    - name: mongodb
      port: {{ $.Values.port }}
      targetPort: mongodb
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "vendata.names.fullname" $ctx }}
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "vendata.labels.standard" $ctx | nindent 4 }}
spec:
  serviceName: {{ include "vendata.names.headless" $ctx }}
  replicas: {{ .replicas }}
  podManagementPolicy: OrderedReady
  selector:
    matchLabels:
      {{- include "vendata.labels.selector" $ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "vendata.labels.standard" $ctx | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      {{- include "vendata.images.pullSecrets" $ctx | nindent 6 }}
      securityContext:
        {{- include "vendata.security.pod" (dict "context" $ "user" 999) | nindent 8 }}
      {{- include "vendata.scheduling.spread" $ctx | nindent 6 }}
      containers:
        - name: mongod
          image: {{ include "vendata.images.image" (dict "context" $ "image" $.Values.image) }}
          imagePullPolicy: {{ $.Values.image.pullPolicy }}
          args:
            {{- toYaml .args | nindent 12 }}
          ports:
            - name: mongodb
              containerPort: {{ $.Values.port }}
          env:
            - name: MONGO_INITDB_ROOT_USERNAME
              value: {{ $.Values.auth.rootUser | quote }}
            - name: MONGO_INITDB_ROOT_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "vendata.secrets.name" $ctx }}
                  key: MONGODB_ROOT_PASSWORD
          startupProbe:
            exec:
              command: ["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"]
            periodSeconds: 10
            failureThreshold: 30
          livenessProbe:
            exec:
              command: ["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"]
            periodSeconds: 10
            timeoutSeconds: 5
          readinessProbe:
            exec:
              command: ["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"]
            periodSeconds: 5
            timeoutSeconds: 5
          resources:
            {{- toYaml $.Values.resources | nindent 12 }}
          securityContext:
            {{- include "vendata.security.container" $ctx | nindent 12 }}
          volumeMounts:
            - name: data
              mountPath: /data/db
            - name: keyfile
              mountPath: /etc/mongo/keyfile
              readOnly: true
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: keyfile
          secret:
            secretName: {{ include "vendata.secrets.name" $ctx }}
            defaultMode: 0400
            items:
              - key: MONGODB_KEYFILE
                path: keyfile
        - name: tmp
          emptyDir: {}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        {{- with $.Values.persistence.storageClass }}
        storageClassName: {{ . | quote }}
        {{- end }}
        resources:
          requests:
            storage: {{ $.Values.persistence.size }}
{{- end -}}
