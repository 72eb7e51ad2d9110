// Runs a container of a rendered pod as a local process, roughly as the kubelet would:
// the container's command and args; its environment (pod-env.ts, with the pod's name
// and address and the rendered Secret's values); its volumes bind-mounted at their
// mount paths in a private mount namespace (unshare -m), read-only where the spec says
// so; the pod's user from its securityContext; and a private /etc/hosts, so pod names
// resolve to 127.x addresses without touching the machine's. A mount point the machine
// lacks (/scripts, /data/db) is made in a private root: a tmpfs holding a bind mount of
// every top-level directory of the machine, into which the container is chrooted, so
// nothing is created on the machine itself. Needs root.
import { chownSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
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
  /**
   * Host directories bind-mounted read-only after `programs` (so a target may lie inside
   * it): the files a stand-in program needs, e.g. the node_modules an npm-installed CLI runs from.
   */
  mounts?: readonly { source: string; target: string }[];
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
    const volume = pod.spec.volumes?.find((v) => v.name === m.name);
    const readOnly = m.readOnly === true || volume?.configMap !== undefined;
    return { source: volumeSource(pod, m.name, volume, [user, group]), target: m.mountPath, readOnly };
  });
  const missing = mounts.map((m) => m.target).filter((target) => !existsSync(target));
  // A mount that hides the pod's own directory (/tmp holding it) goes last.
  mounts.sort((a, b) => Number(pod.dir.startsWith(a.target)) - Number(pod.dir.startsWith(b.target)));
  if (options.programs) mounts.unshift({ source: options.programs, target: "/usr/local/bin", readOnly: true });
  mounts.splice(options.programs ? 1 : 0, 0, ...(options.mounts ?? []).map((m) => ({ ...m, readOnly: true })));

  // Without a private root, targets are the machine's paths; with one, paths under $root.
  const root = missing.length > 0 ? join(pod.dir, "root") : "";
  if (root) mkdirSync(root, { recursive: true });
  const at = (target: string) => (root ? `"$root"${quote(target)}` : quote(target));
  const script = [
    "set -e",
    ...(root ? privateRoot(root, missing) : []),
    `mount --bind ${quote(pod.hostsFile)} ${at("/etc/hosts")}`,
    ...mounts.flatMap((m) => [`mount --bind ${quote(m.source)} ${at(m.target)}`, ...(m.readOnly ? [`mount -o remount,bind,ro ${at(m.target)}`] : [])]),
    `exec ${root ? 'chroot "$root" ' : ""}setpriv --reuid=${user} --regid=${group} --clear-groups -- ${command.map(quote).join(" ")}`,
  ].join("\n");
  return startProcess("unshare", ["--mount", "--propagation", "private", "sh", "-c", script], { env: { PATH: IMAGE_PATH, ...env } });
}

// Shell lines that build the private root at `root` (in the private mount namespace) and
// create in it the mount points the machine lacks; the container is then chrooted there.
// A directory of the machine that is to hold a new mount point (/ for /scripts, /etc for
// /etc/mongo/keyfile) is "shadowed": a tmpfs at its place in the root, holding a bind mount
// of each of its entries, so the new directory is made in the tmpfs, not on the machine.
function privateRoot(root: string, missing: readonly string[]): string[] {
  const existingAncestor = (path: string): string => {
    let dir = dirname(path);
    while (dir !== "/" && !existsSync(dir)) dir = dirname(dir);
    return dir;
  };
  const shadowed = [...new Set(["/", ...missing.map(existingAncestor)])].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
  return [
    `root=${quote(root)}`,
    "shadow() {",
    '  dir=${1%/}; mount -t tmpfs -o mode="$(stat -c %a "${dir:-/}")" vendata-pod-root "$root$dir"',
    '  for entry in "$dir"/* "$dir"/.[!.]* "$dir"/..?*; do',
    '    [ -e "$entry" ] || [ -L "$entry" ] || continue',
    '    name=${entry##*/}',
    '    if [ -L "$entry" ]; then ln -s "$(readlink "$entry")" "$root$dir/$name"',
    '    elif [ -d "$entry" ]; then mkdir "$root$dir/$name" && mount --rbind "$entry" "$root$dir/$name"',
    '    else : >"$root$dir/$name" && mount --bind "$entry" "$root$dir/$name"',
    "    fi",
    "  done",
    "}",
    ...shadowed.map((dir) => `shadow ${quote(dir)}`),
    ...missing.map((target) => `mkdir -p "$root"${quote(target)}`),
  ];
}
