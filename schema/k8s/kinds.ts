// The Kubernetes kinds we render, keyed by "apiVersion/kind".
// src/generate/kubernetes-schema.ts turns this map into schema/generated/kubernetes.schema.json,
// and src/k8s/validate.ts looks objects up by the same key.
// To support a new kind: import its type from kubernetes-types, add a line below,
// then run `npm run generate`.
import type { Deployment, StatefulSet } from "kubernetes-types/apps/v1.js";
import type { HorizontalPodAutoscaler } from "kubernetes-types/autoscaling/v2.js";
import type { CronJob, Job } from "kubernetes-types/batch/v1.js";
import type {
  ConfigMap,
  PersistentVolumeClaim,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from "kubernetes-types/core/v1.js";
import type { Ingress, NetworkPolicy } from "kubernetes-types/networking/v1.js";
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1.js";
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from "kubernetes-types/rbac/v1.js";

export interface KubernetesKinds {
  "apps/v1/Deployment": Deployment;
  "apps/v1/StatefulSet": StatefulSet;
  "v1/ConfigMap": ConfigMap;
  "v1/PersistentVolumeClaim": PersistentVolumeClaim;
  "v1/Pod": Pod;
  "v1/Secret": Secret;
  "v1/Service": Service;
  "v1/ServiceAccount": ServiceAccount;
  "batch/v1/CronJob": CronJob;
  "batch/v1/Job": Job;
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler;
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget;
  "networking.k8s.io/v1/Ingress": Ingress;
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy;
  "rbac.authorization.k8s.io/v1/ClusterRole": ClusterRole;
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": ClusterRoleBinding;
  "rbac.authorization.k8s.io/v1/Role": Role;
  "rbac.authorization.k8s.io/v1/RoleBinding": RoleBinding;
}
