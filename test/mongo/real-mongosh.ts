// The real client: the pinned npm mongosh runs the chart's scripts as the Jobs and probes
// run them. A Job's container (or an exec probe in the mongod container) of a render runs
// through test/support/pod.ts: its command and environment as rendered (the Secret's values
// from the test fixtures), the rendered ConfigMap at /scripts, an emptyDir at /tmp, the pod's
// user (999), and a private /etc/hosts that maps every host name of config.json to the
// address its server listens on (127.0.0.1 for FerretDB; each stand-in node's own 127.x
// address, wire/deployment.ts), with mongo.port set to the server's port in the render. The
// image's mongosh is a wrapper at /usr/local/bin/mongosh that runs the npm package.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Probe } from "kubernetes-types/core/v1.js";
import { REPO_ROOT } from "../../src/paths.ts";
import type { Rendered } from "../../src/render/render.ts";
import { startContainer, type LocalPod } from "../support/pod.ts";
import { requireRoot } from "../support/process.ts";
import { jobConfig } from "./job-config.ts";

const NODE_MODULES = join(REPO_ROOT, "node_modules");
const MONGOSH_JS = join(NODE_MODULES, "mongosh/bin/mongosh.js");
// In a pod, mongosh sees a container and turns its telemetry off when not interactive;
// here it is told to. No traffic leaves these machines either way.
const MONGOSH_ENV = { MONGOSH_FORCE_DISABLE_TELEMETRY_FOR_TESTING: "1" };

/** The npm mongosh (package.json's devDependency), or an error saying how to install it. */
export function requireMongosh(): string {
  if (!existsSync(MONGOSH_JS)) throw new Error(`mongosh is not installed (${MONGOSH_JS} is missing); install it with: npm ci`);
  return MONGOSH_JS;
}

export interface Finished {
  exitCode: number | null;
  /** stdout and stderr. */
  output: string;
  /** Killed after the test's time limit (a script that would wait on). */
  timedOut: boolean;
  ms: number;
}

/** Every host name config.json names (members, the standalone and its Service, mongos), without ports. */
function hostNames(r: Rendered, configMap: string): string[] {
  const config = jobConfig(r, configMap);
  const addresses = [
    ...config.app.hosts,
    ...config.sets.flatMap((s) => s.members.map((m) => m.host)),
    ...(config.standalone ? [config.standalone] : []),
    ...(config.mongos ? [config.mongos] : []),
  ];
  return [...new Set(addresses.map((a) => a.replace(/:\d+$/, "")))];
}

export interface RunOptions {
  /** Stop the run (SIGTERM) once its output matches. */
  stopWhen?: RegExp;
  /** Environment over the rendered one (a rotated Secret value). */
  env?: Readonly<Record<string, string>>;
  /** Called with the output so far, every 200 ms while the run lasts (to act on what it says). */
  onOutput?: (output: string) => void;
}

/** Pods of one render, run locally; make one per render. */
export class MongoshPods {
  private readonly root = mkdtempSync(join(tmpdir(), "vendata-mongosh-"));
  private readonly programs = join(this.root, "bin");
  private readonly hostsFile = join(this.root, "hosts");
  private runs = 0;

  /**
   * addressOf: where a host name resolves (default 127.0.0.1); moreNames: names to resolve
   * besides those of config.json (pods an older render named, which still run).
   */
  constructor(
    private readonly rendered: Rendered,
    addressOf: (name: string) => string = () => "127.0.0.1",
    moreNames: readonly string[] = [],
  ) {
    requireRoot("running the mongosh Jobs and probes as their pods do");
    requireMongosh();
    mkdirSync(join(this.programs, "node_modules"), { recursive: true });
    const wrapper = join(this.programs, "mongosh");
    writeFileSync(
      wrapper,
      [
        "#!/bin/sh",
        "# The image's mongosh: the pinned npm package (this directory's node_modules is the repository's).",
        `export MONGOSH_FORCE_DISABLE_TELEMETRY_FOR_TESTING=1`,
        `exec ${process.execPath} /usr/local/bin/node_modules/mongosh/bin/mongosh.js "$@"`,
        "",
      ].join("\n"),
    );
    chmodSync(this.root, 0o755);
    chmodSync(wrapper, 0o755);
    const names = [...new Set([...hostNames(rendered, "vendata-mongo-scripts"), ...moreNames])];
    writeFileSync(this.hostsFile, `127.0.0.1 localhost\n${names.map((n) => `${addressOf(n)} ${n}`).join("\n")}\n`);
  }

  private pod(name: string, spec: LocalPod["spec"]): LocalPod {
    return { name, ip: "127.0.0.1", spec, rendered: this.rendered, dir: join(this.root, `run-${++this.runs}`), hostsFile: this.hostsFile };
  }

  private async finish(pod: LocalPod, container: string, timeoutMs: number, options: RunOptions & { exec?: readonly string[] } = {}): Promise<Finished> {
    const started = Date.now();
    const running = startContainer(pod, container, {
      programs: this.programs,
      mounts: [{ source: NODE_MODULES, target: "/usr/local/bin/node_modules" }],
      ...(options.exec ? { exec: options.exec } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void running.stop();
    }, timeoutMs);
    const watch =
      options.stopWhen || options.onOutput
        ? setInterval(() => {
            options.onOutput?.(running.output());
            if (options.stopWhen?.test(running.output())) void running.stop();
          }, 200)
        : undefined;
    const exitCode = await new Promise<number | null>((resolve) => running.child.once("exit", (code) => resolve(code)));
    clearTimeout(timer);
    clearInterval(watch);
    return { exitCode, output: running.output(), timedOut, ms: Date.now() - started };
  }

  /**
   * Runs the Job's container to its end; stops it (SIGTERM) once its output matches
   * stopWhen, or after timeoutMs (then timedOut is true).
   */
  runJob(job: string, timeoutMs: number, stopWhen?: RegExp | RunOptions): Promise<Finished> {
    const spec = this.rendered.find("Job", job).spec?.template.spec;
    if (!spec?.containers[0]) throw new Error(`Job ${job} has no container`);
    const options = stopWhen instanceof RegExp ? { stopWhen } : (stopWhen ?? {});
    return this.finish(this.pod(job, spec), spec.containers[0].name, timeoutMs, options);
  }

  /**
   * Runs a container's probe command (exec) in that container of a StatefulSet's pod, as
   * the kubelet does; resolves when it ends. The probe's rendered command line is returned
   * too, so a test can show what ran.
   */
  async probe(statefulSet: string, container: string, which: "startupProbe" | "livenessProbe" | "readinessProbe"): Promise<Finished & { command: string[] }> {
    const spec = this.rendered.find("StatefulSet", statefulSet).spec?.template.spec;
    const probe: Probe | undefined = spec?.containers.find((c) => c.name === container)?.[which];
    const command = probe?.exec?.command;
    if (!spec || !command) throw new Error(`${statefulSet}/${container} has no exec ${which}`);
    // Not the kubelet's timeoutSeconds: on two busy cores mongosh alone may take seconds to start.
    return { ...(await this.finish(this.pod(`${statefulSet}-0`, spec), container, 60_000, { exec: command })), command };
  }

  /** Deletes the pods' directories (their runs are over: nothing is mounted there any more). */
  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * The test's own client, as root outside any sandbox (setup and checks): runs `script`
 * with mongosh connected to `uri`; resolves to stdout, rejects with the output on failure.
 */
export function mongoshEval(uri: string, script: string): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), "vendata-mongosh-home-"));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [requireMongosh(), "--quiet", "--norc", uri, "--eval", script], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, ...MONGOSH_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
      if (code === 0) resolve(stdout);
      else reject(new Error(`mongosh ${uri} --eval failed (exit ${code}):\n${stdout}${stderr}`));
    });
  });
}
