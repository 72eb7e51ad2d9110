// Small pods for the e2e tests: run a shell script to completion and read what it printed,
// or keep a server running. Every pod meets the restricted Pod Security Standard.
import { waitFor } from "../../support/process.ts";
import { apply } from "../../../src/cluster/kube.ts";
import { kubectl } from "./cluster.ts";

/** The busybox-class image of images/shell (built and imported by cluster:up). */
export const SHELL_IMAGE = "vendata.local/shell:1";

export const RESTRICTED_CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ["ALL"] },
  runAsNonRoot: true,
  runAsUser: 65532,
  seccompProfile: { type: "RuntimeDefault" },
};

export function shellContainer(name: string, script: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    image: SHELL_IMAGE,
    imagePullPolicy: "Never",
    command: ["sh", "-c", script],
    securityContext: RESTRICTED_CONTAINER_SECURITY,
    resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "200m", memory: "64Mi" } },
    ...extra,
  };
}

export { apply } from "../../../src/cluster/kube.ts";

export interface PodRun {
  readonly phase: string;
  readonly logs: string;
}

/** Runs `script` in a one-off pod until it ends; returns its phase and output. */
export async function runPod(namespace: string, name: string, script: string, spec: Record<string, unknown> = {}): Promise<PodRun> {
  await apply(namespace, {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name },
    spec: { restartPolicy: "Never", containers: [shellContainer(name, script)], ...spec },
  });
  const podPhase = async () => (await kubectl(["get", "pod", name, "-o", "jsonpath={.status.phase}"], { namespace })).stdout;
  let phase = "";
  try {
    phase = await waitFor(`pod ${name} to end`, async () => {
      const now = await podPhase();
      return now === "Succeeded" || now === "Failed" ? now : undefined;
    }, 180_000);
  } catch (error) {
    const described = (await kubectl(["describe", "pod", name], { namespace, allowFailure: true })).stdout;
    throw new Error(`${String(error)}\n${described}`);
  }
  const logs = (await kubectl(["logs", name], { namespace, allowFailure: true })).stdout;
  return { phase, logs };
}
