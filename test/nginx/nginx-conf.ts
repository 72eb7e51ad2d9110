// The nginx.conf the chart renders for a phase, with extra nginx values on top.
import type { Phase } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";

/** The resolver the chart points nginx at by default (a name nginx resolves at start). */
export const KUBE_DNS = "kube-dns.kube-system.svc.cluster.local";

export async function renderNginxConf(phase: Phase, nginx: { api?: { port?: number }; frontend?: { port?: number }; [key: string]: unknown } = {}): Promise<string> {
  // nginx.api.port must equal api.port, and nginx.frontend.port frontend.port (the umbrella
  // refuses a mismatch): moving one moves the other.
  const apiPort = nginx.api?.port;
  const frontendPort = nginx.frontend?.port;
  const values = { nginx, ...(apiPort === undefined ? {} : { api: { port: apiPort } }), ...(frontendPort === undefined ? {} : { frontend: { port: frontendPort } }) };
  const rendered = await renderPhase(phase, { values });
  const conf = rendered.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"];
  if (!conf) throw new Error(`the ${phase} render has no nginx.conf`);
  return conf;
}
