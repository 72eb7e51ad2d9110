// Runs a container of a rendered pod as a local process, roughly as the kubelet would:
// the container's command and args; its environment (pod-env.ts, with the pod's name
// and address and the rendered Secret's values); its volumes bind-mounted at their
// mount paths in a private mount namespace (unshare -m), read-only where the spec says
// so; the pod's user from its securityContext; and a private /etc/hosts, so pod names
// resolve to 127.x addresses without touching the machine's. Needs root.
import { chownSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Container, PodSpec, Volume } from "kubernetes-types/core/v1.js";
import type { Rendered } from "../../src/render/render.ts";
import { containerEnvironment, expand } from "./pod-env.ts";
import { startProcess, type RunningProcess } from "./process.ts";

export interface LocalPod {
  /** metadata.name, e.g. vendata-redis-0. */
  name: string;
  /** status.podIP: the 127.x address this pod's servers listen on. */
  ip: string;
  spec: PodSpec;
  /** The render the pod comes from: its ConfigMaps and Secrets. */
  rendered: Rendered;
  /** Holds the pod's volumes; claims under it survive restarts, like a PVC. */
  dir: string;
  /** The /etc/hosts this pod sees. */
  hostsFile: string;
}

export interface ContainerOptions {
  /** Directory mounted at /usr/local/bin, where images keep their programs: stand-ins for them. */
  programs?: string;
  /** Command of a container that relies on its image's entrypoint. */
  entrypoint?: readonly string[];
  /** Environment added on top of the container's own. */
  env?: Readonly<Record<string, string>>;
  /** Run this instead of the container's command (kubectl exec, or an exec probe). */
  exec?: readonly string[];
}

// PATH of Debian-based images (redis's among them).
const IMAGE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// Host directory for a volume, filled for ConfigMaps and owned by the pod's user.
function volumeSource(pod: LocalPod, name: string, volume: Volume | undefined, owner: [number, number]): string {
  const dir = join(pod.dir, volume ? "volumes" : "claims", name);
  mkdirSync(dir, { recursive: true });
  chownSync(dir, ...owner);
  if (volume?.configMap) {
    const data = pod.rendered.find("ConfigMap", volume.configMap.name ?? "").data ?? {};
    for (const [file, content] of Object.entries(data)) writeFileSync(join(dir, file), content, { mode: 0o444 });
  } else if (volume && !volume.emptyDir) {
    throw new Error(`${pod.name}: volume ${name}: only configMap, emptyDir and claim templates are supported`);
  }
  return dir;
}

/** Starts one container of the pod; stop() or kill() it like any process. */
export function startContainer(pod: LocalPod, containerName: string, options: ContainerOptions = {}): RunningProcess {
  const container: Container | undefined = pod.spec.containers.find((c) => c.name === containerName);
  if (!container) throw new Error(`${pod.name} has no container ${containerName}`);
  const user = container.securityContext?.runAsUser ?? pod.spec.securityContext?.runAsUser ?? 0;
  const group = container.securityContext?.runAsGroup ?? pod.spec.securityContext?.runAsGroup ?? user;
  const env = { ...containerEnvironment(pod.rendered, container, pod), ...options.env };
  const command = (options.exec ?? [...(container.command ?? options.entrypoint ?? []), ...(container.args ?? [])]).map((arg) => expand(arg, env));
  if (command.length === 0) throw new Error(`${pod.name}/${containerName} uses its image's entrypoint: pass options.entrypoint`);

  const mounts = (container.volumeMounts ?? []).map((m) => {
    if (!existsSync(m.mountPath)) throw new Error(`${pod.name}/${containerName}: mount point ${m.mountPath} does not exist on this machine`);
    const volume = pod.spec.volumes?.find((v) => v.name === m.name);
    const readOnly = m.readOnly === true || volume?.configMap !== undefined;
    return { source: volumeSource(pod, m.name, volume, [user, group]), target: m.mountPath, readOnly };
  });
  // A mount that hides the pod's own directory (/tmp holding it) goes last.
  mounts.sort((a, b) => Number(pod.dir.startsWith(a.target)) - Number(pod.dir.startsWith(b.target)));
  if (options.programs) mounts.unshift({ source: options.programs, target: "/usr/local/bin", readOnly: true });
  const script = [
    "set -e",
    `mount --bind ${quote(pod.hostsFile)} /etc/hosts`,
    ...mounts.flatMap((m) => [`mount --bind ${quote(m.source)} ${quote(m.target)}`, ...(m.readOnly ? [`mount -o remount,bind,ro ${quote(m.target)}`] : [])]),
    `exec setpriv --reuid=${user} --regid=${group} --clear-groups -- ${command.map(quote).join(" ")}`,
  ].join("\n");
  return startProcess("unshare", ["--mount", "--propagation", "private", "sh", "-c", script], { env: { PATH: IMAGE_PATH, ...env } });
}
