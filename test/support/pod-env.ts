// A container's environment as the kubelet builds it from a render: envFrom ConfigMaps
// first, then env in order with $(VAR) expanded from what came before. A Secret's value
// stays a placeholder, "<secret NAME/KEY>": the render never holds it. Given the pod it
// runs in (to run the container locally), fieldRefs to the pod's name and address
// resolve, and Secrets give the values of the rendered Secret (test fixtures).
import type { Container } from "kubernetes-types/core/v1.js";
import type { Rendered } from "../../src/render/render.ts";

export interface PodIdentity {
  name: string;
  ip: string;
}

export function containerEnvironment(r: Rendered, container: Container, pod?: PodIdentity): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, r.find("ConfigMap", source.configMapRef.name ?? "").data);
    if (source.secretRef) throw new Error("envFrom a Secret: every key would be exposed; name the keys instead");
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    const configMap = variable.valueFrom?.configMapKeyRef;
    const field = variable.valueFrom?.fieldRef?.fieldPath;
    if (secret && pod) env[variable.name] = secretValue(r, secret.name ?? "", secret.key);
    else if (secret) env[variable.name] = `<secret ${secret.name}/${secret.key}>`;
    else if (configMap) env[variable.name] = r.find("ConfigMap", configMap.name ?? "").data?.[configMap.key] ?? "";
    else if (field && pod) env[variable.name] = podField(pod, field);
    else env[variable.name] = expand(variable.value ?? "", env);
  }
  return env;
}

/** Kubernetes' $(VAR) expansion: known variables are replaced, others left as they are. */
export function expand(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (ref, name: string) => env[name] ?? ref);
}

function secretValue(r: Rendered, name: string, key: string): string {
  const data = r.find("Secret", name).data?.[key];
  if (data === undefined) throw new Error(`Secret ${name} has no key ${key}`);
  return Buffer.from(data, "base64").toString();
}

function podField(pod: PodIdentity, path: string): string {
  if (path === "metadata.name") return pod.name;
  if (path === "status.podIP") return pod.ip;
  throw new Error(`fieldRef ${path}: only metadata.name and status.podIP are known here`);
}
