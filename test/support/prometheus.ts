// The prometheus and promtool binaries that scripts/build-prometheus.sh builds from the Go
// module (Prometheus 3.x) and caches under ${VENDATA_CACHE:-~/.cache/vendata}: the same
// build the local image (images/prometheus) carries. The script is asked where they are
// (--check builds nothing); when they are missing the tests fail with the command that
// builds them, never skip.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../../src/paths.ts";
import type { Rendered } from "../../src/render/render.ts";
import { waitFor, type RunningProcess } from "./process.ts";

export const PROMETHEUS_BUILD_SCRIPT = "scripts/build-prometheus.sh";

/** PROMETHEUS_VERSION in scripts/build-prometheus.sh, the one place it is written. */
export const PROMETHEUS_VERSION = (() => {
  const match = /^PROMETHEUS_VERSION=(\S+)$/m.exec(readFileSync(join(REPO_ROOT, PROMETHEUS_BUILD_SCRIPT), "utf8"));
  if (!match?.[1]) throw new Error(`${PROMETHEUS_BUILD_SCRIPT} sets no PROMETHEUS_VERSION`);
  return match[1];
})();

/** The parts of prometheus.yml the tests read. */
export interface PrometheusConfig {
  global?: { scrape_interval?: string; external_labels?: Record<string, string> };
  scrape_configs?: unknown[];
}

/** The prometheus.yml of a render's Prometheus ConfigMap, parsed. */
export function prometheusConfig(rendered: Rendered): PrometheusConfig {
  return parse(rendered.find("ConfigMap", "vendata-prometheus").data?.["prometheus.yml"] ?? "") as PrometheusConfig;
}

export interface PrometheusBinaries {
  /** The directory holding both (and the release's example prometheus.yml). */
  readonly dir: string;
  readonly prometheus: string;
  readonly promtool: string;
}

/** The built binaries, or an error naming the command that builds them. */
export function requirePrometheus(): PrometheusBinaries {
  const result = spawnSync("bash", [join(REPO_ROOT, PROMETHEUS_BUILD_SCRIPT), "--check"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const dir = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !dir) {
    throw new Error(`Prometheus ${PROMETHEUS_VERSION} is not built; build it with: bash ${PROMETHEUS_BUILD_SCRIPT} (${result.stderr.trim()})`);
  }
  return { dir, prometheus: join(dir, "prometheus"), promtool: join(dir, "promtool") };
}

/** Waits until the prometheus at `base` answers /-/ready; fails at once with its output if it exits. */
export async function untilPrometheusReady(proc: RunningProcess, base: string): Promise<void> {
  await waitFor(
    `prometheus at ${base} to answer /-/ready`,
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`prometheus exited ${proc.child.exitCode}:\n${proc.output()}`);
      const reply = await fetch(`${base}/-/ready`).catch(() => undefined);
      return reply?.status === 200 ? true : undefined;
    },
    60_000,
  );
}
