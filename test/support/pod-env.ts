// A container's environment as the kubelet builds it from a render: envFrom ConfigMaps
// first, then env in order with $(VAR) expanded from what came before. A Secret's value
// stays a placeholder, "<secret NAME/KEY>": the render never holds it.
import type { Container } from "kubernetes-types/core/v1.js";
import type { Rendered } from "../../src/render/render.ts";

export function containerEnvironment(r: Rendered, container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, r.find("ConfigMap", source.configMapRef.name ?? "").data);
    if (source.secretRef) throw new Error("envFrom a Secret: every key would be exposed; name the keys instead");
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    const configMap = variable.valueFrom?.configMapKeyRef;
    if (secret) env[variable.name] = `<secret ${secret.name}/${secret.key}>`;
    else if (configMap) env[variable.name] = r.find("ConfigMap", configMap.name ?? "").data?.[configMap.key] ?? "";
    else env[variable.name] = (variable.value ?? "").replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (ref, name: string) => env[name] ?? ref);
  }
  return env;
}
