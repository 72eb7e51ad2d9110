#!/usr/bin/env bash
# Certificates and kubeconfigs of the local cluster, made once and kept in .cluster/pki
# (so that cluster:down / cluster:up gets back the same cluster). EC P-256 keys.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
mkdir -p "$PKI"
cd "$PKI"

# ca <name> <common name>
ca() {
  [ -f "$1.crt" ] && return 0
  openssl ecparam -name prime256v1 -genkey -noout -out "$1.key" 2>/dev/null
  openssl req -x509 -new -key "$1.key" -subj "/CN=$2" -days 3650 -out "$1.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}

# cert <name> <ca> <subject> <serverAuth|clientAuth|serverAuth,clientAuth> [subjectAltName]
cert() {
  local name=$1 ca=$2 subject=$3 usage=$4 san=${5:-}
  [ -f "$name.crt" ] && return 0
  openssl ecparam -name prime256v1 -genkey -noout -out "$name.key" 2>/dev/null
  openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$usage"
    [ -z "$san" ] || echo "subjectAltName=$san"
  } > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial \
    -days 3650 -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

# kubeconfig <name> <cert name>: a kubeconfig for a client certificate, to the API server.
kubeconfig() {
  local out=$1 c=$2
  cat > "$out" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: vendata-local
  cluster:
    server: https://$NODE_IP:$APISERVER_PORT
    certificate-authority: $PKI/ca.crt
users:
- name: $c
  user:
    client-certificate: $PKI/$c.crt
    client-key: $PKI/$c.key
contexts:
- name: vendata-local
  context: {cluster: vendata-local, user: $c}
current-context: vendata-local
YAML
}

ca ca vendata-local-ca
ca front-proxy-ca vendata-local-front-proxy-ca
cert apiserver ca /CN=kube-apiserver serverAuth \
  "IP:$NODE_IP,IP:$KUBERNETES_SERVICE_IP,IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.$CLUSTER_DOMAIN"
cert apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
cert front-proxy-client front-proxy-ca /CN=front-proxy-client clientAuth
cert admin ca "/O=system:masters/CN=vendata-admin" clientAuth
cert controller-manager ca /CN=system:kube-controller-manager clientAuth
cert scheduler ca /CN=system:kube-scheduler clientAuth
cert kubelet ca "/O=system:nodes/CN=system:node:$NODE_NAME" clientAuth
cert kubelet-serving ca "/CN=$NODE_NAME" serverAuth "IP:$NODE_IP,DNS:$NODE_NAME"
cert kube-proxy ca /CN=system:kube-proxy clientAuth
# The add-ons run as host processes, each with its own user (bound to its ClusterRole).
cert coredns ca /CN=vendata:coredns clientAuth
cert local-path-provisioner ca /CN=vendata:local-path-provisioner clientAuth
cert metrics-server ca /CN=vendata:metrics-server serverAuth,clientAuth \
  "IP:$NODE_IP,DNS:metrics-server.kube-system.svc"
if [ ! -f sa.key ]; then
  openssl ecparam -name prime256v1 -genkey -noout -out sa.key 2>/dev/null
  openssl ec -in sa.key -pubout -out sa.pub 2>/dev/null
fi
chmod 600 ./*.key

for c in admin controller-manager scheduler kubelet kube-proxy coredns local-path-provisioner metrics-server; do
  kubeconfig "$PKI/$c.kubeconfig" "$c"
done
cp "$PKI/admin.kubeconfig" "$KUBECONFIG_FILE"
