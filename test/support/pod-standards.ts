// What every workload owes by default (DESIGN.md): the "restricted" Pod Security Standard,
// requests and limits, probes, pinned images pulled IfNotPresent, no service-account token.
// Returns what a pod template breaks, as readable lines (empty: nothing).
import type { PodSpec } from "kubernetes-types/core/v1.js";

export function podStandardViolations(pod: PodSpec): string[] {
  const problems: string[] = [];
  const podContext = pod.securityContext ?? {};
  if (pod.automountServiceAccountToken !== false) problems.push("pod: automountServiceAccountToken is not false");
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push("pod: uses a host namespace");
  if ((pod.volumes ?? []).some((v) => v.hostPath)) problems.push("pod: mounts a hostPath");
  for (const c of pod.containers) {
    const sc = c.securityContext ?? {};
    const where = `container ${c.name}`;
    if (!(sc.runAsNonRoot ?? podContext.runAsNonRoot)) problems.push(`${where}: runAsNonRoot is not true`);
    if ((sc.runAsUser ?? podContext.runAsUser) === 0) problems.push(`${where}: runs as uid 0`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
    if (sc.privileged) problems.push(`${where}: privileged`);
    if (!sc.capabilities?.drop?.includes("ALL")) problems.push(`${where}: does not drop ALL capabilities`);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: root filesystem is writable`);
    if ((sc.seccompProfile ?? podContext.seccompProfile)?.type !== "RuntimeDefault") problems.push(`${where}: seccomp is not RuntimeDefault`);
    for (const kind of ["requests", "limits"] as const) {
      for (const resource of ["cpu", "memory"]) if (c.resources?.[kind]?.[resource] === undefined) problems.push(`${where}: no ${resource} ${kind.slice(0, -1)}`);
    }
    if (!c.livenessProbe || !c.readinessProbe) problems.push(`${where}: lacks a liveness or readiness probe`);
    if (!/:[^:/@]+(@sha256:[a-f0-9]{64})?$/.test(c.image ?? "") || /:latest(@|$)/.test(c.image ?? "")) problems.push(`${where}: image ${c.image} is not pinned`);
    if (c.imagePullPolicy !== "IfNotPresent") problems.push(`${where}: imagePullPolicy is ${c.imagePullPolicy}`);
    for (const port of c.ports ?? []) if (port.containerPort < 1024) problems.push(`${where}: privileged port ${port.containerPort}`);
  }
  return problems;
}
