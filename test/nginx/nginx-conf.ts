// The nginx.conf the chart renders for a phase, with extra nginx values on top.
import type { Phase } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";

/** The resolver the chart points nginx at by default (a name nginx resolves at start). */
export const KUBE_DNS = "kube-dns.kube-system.svc.cluster.local";

export async function renderNginxConf(phase: Phase, nginx: object = {}): Promise<string> {
  const rendered = await renderPhase(phase, { values: { nginx } });
  const conf = rendered.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"];
  if (!conf) throw new Error(`the ${phase} render has no nginx.conf`);
  return conf;
}
