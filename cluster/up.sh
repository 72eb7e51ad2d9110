#!/usr/bin/env bash
# npm run cluster:up: builds what is missing, then starts the single-node cluster (or
# finds it running), and prints the KUBECONFIG line. Safe to run again at any time.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

t0=$(date +%s)
step() { say "$* ($(( $(date +%s) - t0 )) s)"; }

bash "$CLUSTER_SCRIPTS/preflight.sh"
bash "$CLUSTER_SCRIPTS/build.sh"
PATH="$(bin_dir containerd):$(bin_dir runc):$(bin_dir kubernetes):$PATH"
export PATH
K8S=$(bin_dir kubernetes)
kubectl_() { "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" "$@"; }

bash "$CLUSTER_SCRIPTS/network.sh" up
step "network: bridge $BRIDGE $NODE_IP, no egress"
bash "$CLUSTER_SCRIPTS/pki.sh"
bash "$CLUSTER_SCRIPTS/config.sh"
step "certificates and configuration"

start_process etcd "$(bin_dir etcd)/etcd" --name vendata --data-dir "$STATE/etcd" \
  --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster vendata=http://127.0.0.1:2380 --listen-metrics-urls "" \
  --quota-backend-bytes 2147483648 --log-level warn
wait_until 60 etcd curl -fsS http://127.0.0.1:2379/health
step "etcd"

start_process kube-apiserver "$K8S/kube-apiserver" \
  --advertise-address "$NODE_IP" --bind-address "$NODE_IP" --secure-port "$APISERVER_PORT" \
  --etcd-servers http://127.0.0.1:2379 --service-cluster-ip-range "$SERVICE_CIDR" \
  --client-ca-file "$PKI/ca.crt" --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
  --kubelet-client-certificate "$PKI/apiserver-kubelet-client.crt" --kubelet-client-key "$PKI/apiserver-kubelet-client.key" \
  --kubelet-certificate-authority "$PKI/ca.crt" --kubelet-preferred-address-types InternalIP \
  --service-account-issuer "https://kubernetes.default.svc.$CLUSTER_DOMAIN" \
  --service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
  --authorization-mode Node,RBAC --enable-admission-plugins NodeRestriction --allow-privileged=true \
  --requestheader-client-ca-file "$PKI/front-proxy-ca.crt" --requestheader-allowed-names front-proxy-client \
  --requestheader-username-headers X-Remote-User --requestheader-group-headers X-Remote-Group \
  --requestheader-extra-headers-prefix X-Remote-Extra- \
  --proxy-client-cert-file "$PKI/front-proxy-client.crt" --proxy-client-key-file "$PKI/front-proxy-client.key" \
  --enable-aggregator-routing=true --profiling=false
wait_until 120 kube-apiserver kubectl_ get --raw /readyz
step "kube-apiserver"

start_process kube-controller-manager "$K8S/kube-controller-manager" \
  --kubeconfig "$PKI/controller-manager.kubeconfig" --bind-address 127.0.0.1 \
  --authentication-kubeconfig "$PKI/controller-manager.kubeconfig" --authorization-kubeconfig "$PKI/controller-manager.kubeconfig" \
  --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" --use-service-account-credentials \
  --cluster-signing-cert-file "$PKI/ca.crt" --cluster-signing-key-file "$PKI/ca.key" \
  --service-cluster-ip-range "$SERVICE_CIDR" --leader-elect=false --profiling=false
start_process kube-scheduler "$K8S/kube-scheduler" --kubeconfig "$PKI/scheduler.kubeconfig" \
  --authentication-kubeconfig "$PKI/scheduler.kubeconfig" --authorization-kubeconfig "$PKI/scheduler.kubeconfig" \
  --bind-address 127.0.0.1 --leader-elect=false --profiling=false
step "kube-controller-manager, kube-scheduler"

start_process containerd "$(bin_dir containerd)/containerd" --config "$CONF/containerd.toml"
wait_until 60 containerd "$CTR" --address "$CONTAINERD_SOCK" version
step "containerd"
bash "$REPO/images/build.sh" pause shell
step "the cluster's images"

start_process kubelet "$K8S/kubelet" --config "$CONF/kubelet.yaml" --kubeconfig "$PKI/kubelet.kubeconfig" \
  --root-dir "$STATE/kubelet" --hostname-override "$NODE_NAME" --node-ip "$NODE_IP"
start_process kube-proxy "$K8S/kube-proxy" --config "$CONF/kube-proxy.yaml"
step "kubelet, kube-proxy"

bash "$CLUSTER_SCRIPTS/addons.sh"
start_process coredns "$(bin_dir coredns)/coredns" -conf "$CONF/Corefile"
start_process local-path-provisioner "$(bin_dir local_path_provisioner)/local-path-provisioner" \
  start --kubeconfig "$PKI/local-path-provisioner.kubeconfig" --namespace kube-system \
  --config "$CONF/local-path.json" --helper-pod-file "$CONF/local-path-helper.yaml" \
  --provisioner-name rancher.io/local-path --service-account-name local-path-provisioner \
  --helper-image vendata.local/shell:1
start_process metrics-server "$(bin_dir metrics_server)/metrics-server" \
  --bind-address "$NODE_IP" --secure-port "$METRICS_SERVER_PORT" \
  --tls-cert-file "$PKI/metrics-server.crt" --tls-private-key-file "$PKI/metrics-server.key" \
  --kubeconfig "$PKI/metrics-server.kubeconfig" --authentication-kubeconfig "$PKI/metrics-server.kubeconfig" \
  --authorization-kubeconfig "$PKI/metrics-server.kubeconfig" \
  --kubelet-certificate-authority "$PKI/ca.crt" --kubelet-preferred-address-types InternalIP \
  --kubelet-use-node-status-port --metric-resolution 15s
step "add-ons: RBAC, StorageClass, CoreDNS, local-path-provisioner, metrics-server"

wait_until 120 "node $NODE_NAME" kubectl_ wait --for=condition=Ready "node/$NODE_NAME" --timeout=1s
wait_until 60 CoreDNS curl -fsS http://127.0.0.1:18181/ready
step "cluster ready"
echo "export KUBECONFIG=$KUBECONFIG_FILE"
echo "export PATH=$K8S:\$PATH   # kubectl $KUBERNETES_VERSION"
