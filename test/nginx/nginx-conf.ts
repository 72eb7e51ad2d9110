// The nginx.conf the chart renders for a phase, with extra nginx values on top.
import type { Phase } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";

/** The resolver the chart points nginx at by default (a name nginx resolves at start). */
export const KUBE_DNS = "kube-dns.kube-system.svc.cluster.local";

export async function renderNginxConf(phase: Phase, nginx: { api?: { port?: number }; [key: string]: unknown } = {}): Promise<string> {
  // nginx.api.port must equal api.port (the umbrella refuses a mismatch): moving one moves both.
  const apiPort = nginx.api?.port;
  const rendered = await renderPhase(phase, { values: apiPort === undefined ? { nginx } : { nginx, api: { port: apiPort } } });
  const conf = rendered.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"];
  if (!conf) throw new Error(`the ${phase} render has no nginx.conf`);
  return conf;
}
