// The chart's Prometheus config under the real Prometheus 3.x (scripts/build-prometheus.sh,
// the build images/prometheus carries): promtool checks the config each monitoring phase
// renders (phase 4's with its region's external label), and prometheus runs phase 2's
// StatefulSet container with the chart's args.
// Both run as the pod would (test/support/pod.ts): the ConfigMap read-only at
// /etc/prometheus, the data claim at /prometheus, uid 65534 from the securityContext, and
// the service-account files the kubelet mounts (a token and a CA made here), so promtool's
// file checks and the Kubernetes discovery's in-cluster setup see what they would see in
// the cluster. The API server it is pointed at is a local port nobody listens on: no
// target is discovered, nothing leaves 127.0.0.1. Needs root (private mount namespace).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Container } from "kubernetes-types/core/v1.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Phase } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { startContainer, type LocalPod } from "../support/pod.ts";
import { freePort, requireRoot, requireTool, type RunningProcess } from "../support/process.ts";
import { PROMETHEUS_VERSION, prometheusConfig, requirePrometheus, untilPrometheusReady, type PrometheusBinaries } from "../support/prometheus.ts";
import { renderPhase } from "../render.ts";

const STATEFULSET = "vendata-prometheus";
const CONFIG_FILE = "/etc/prometheus/prometheus.yml";
// The kubelet mounts the service account at /var/run/secrets/kubernetes.io/serviceaccount;
// /var/run is a symlink to /run on this machine and in the pod's private root (which
// follows the machine's tree), so the mount goes where that symlink leads.
const SERVICE_ACCOUNT_DIR = "/run/secrets/kubernetes.io/serviceaccount";

let bins: PrometheusBinaries;
let root = "";
let caCert = "";

beforeAll(() => {
  requireRoot("running Prometheus as its pod");
  requireTool("openssl", "apt-get install -y openssl");
  bins = requirePrometheus();
  root = mkdtempSync(join(tmpdir(), "vendata-prometheus-"));
  const made = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=vendata-test-ca", "-keyout", join(root, "ca.key"), "-out", join(root, "ca.crt")],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a test CA:\n${made.stderr}`);
  caCert = readFileSync(join(root, "ca.crt"), "utf8");
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

let runs = 0;

/**
 * Phase's Prometheus pod (replica 0) with the kubelet's service-account mount added;
 * `args` are appended to the container's. serviceAccount false leaves that mount out.
 */
function prometheusPod(rendered: Rendered, options: { args?: string[]; serviceAccount?: boolean } = {}): LocalPod {
  const template = structuredClone(rendered.find("StatefulSet", STATEFULSET).spec?.template.spec);
  const container: Container | undefined = template?.containers.find((c) => c.name === "prometheus");
  if (!template || !container) throw new Error(`${STATEFULSET} has no prometheus container`);
  const dir = join(root, `pod-${++runs}`);
  if (options.serviceAccount !== false) {
    // A volumeMount without a volume is a claim in pod.ts: a directory of the pod's, made here.
    container.volumeMounts = [...(container.volumeMounts ?? []), { name: "kube-api-access", mountPath: SERVICE_ACCOUNT_DIR, readOnly: true }];
    const sa = join(dir, "claims", "kube-api-access");
    mkdirSync(sa, { recursive: true });
    writeFileSync(join(sa, "token"), "vendata-test-token\n", { mode: 0o644 });
    writeFileSync(join(sa, "ca.crt"), caCert, { mode: 0o644 });
    writeFileSync(join(sa, "namespace"), "vendata", { mode: 0o644 });
  }
  container.args = [...(container.args ?? []), ...(options.args ?? [])];
  const hostsFile = join(dir, "hosts");
  mkdirSync(dir, { recursive: true });
  writeFileSync(hostsFile, "127.0.0.1 localhost\n");
  return { name: `${STATEFULSET}-0`, ip: "127.0.0.1", spec: template, rendered, dir, hostsFile };
}

/** Runs a command in the pod's prometheus container to its end (60 s at most). */
async function execInPod(pod: LocalPod, command: string[]): Promise<{ exitCode: number | null; output: string }> {
  const running = startContainer(pod, "prometheus", { programs: bins.dir, exec: command });
  const timer = setTimeout(() => void running.stop(), 60_000);
  const exitCode = await new Promise<number | null>((resolve) => running.child.once("exit", (code) => resolve(code)));
  clearTimeout(timer);
  return { exitCode, output: running.output() };
}

const checkConfig = ["/usr/local/bin/promtool", "check", "config", CONFIG_FILE];

// Each monitored phase and the external labels of its config: phase 4's release of a
// region (charts/vendata/presets/regions/sa-east.yaml) labels what it sends out with that region.
const MONITORED: readonly [Phase, Record<string, string> | undefined][] = [
  ["phase2", undefined],
  ["phase3", undefined],
  ["phase4", { region: "sa-east" }],
];

describe.each(MONITORED)("promtool %s", (phase, externalLabels) => {
  it(`check config passes on the chart's Prometheus config, external labels included (promtool ${PROMETHEUS_VERSION}, in the pod's mounts)`, async () => {
    const rendered = await renderPhase(phase);
    expect(prometheusConfig(rendered).global?.external_labels).toEqual(externalLabels);
    const pod = prometheusPod(rendered);
    const result = await execInPod(pod, checkConfig);
    expect(result.output).toContain(`Checking ${CONFIG_FILE}`);
    expect(result.output).toContain("SUCCESS");
    expect(result.exitCode, result.output).toBe(0);
  });
});

describe("promtool", () => {
  it("refuses the chart's config where the service-account token is not mounted (so the check above reads the pod's files)", async () => {
    const pod = prometheusPod(await renderPhase("phase2"), { serviceAccount: false });
    const result = await execInPod(pod, checkConfig);
    expect(result.output).toContain('error checking authorization credentials or bearer token file "/var/run/secrets/kubernetes.io/serviceaccount/token"');
    expect(result.exitCode).not.toBe(0);
  });

  it("refuses a config that names service discovery this build leaves out (only kubernetes, file and http)", async () => {
    const rendered = await renderPhase("phase2");
    const pod = prometheusPod(rendered);
    const config = join(pod.dir, "ec2.yml");
    writeFileSync(config, "scrape_configs:\n  - job_name: ec2\n    ec2_sd_configs:\n      - region: sa-east-1\n", { mode: 0o644 });
    const result = spawnSync(bins.promtool, ["check", "config", config], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toContain("ec2_sd_configs");
    expect(result.status).not.toBe(0);
  });
});

describe("prometheus runs phase 2's StatefulSet container", () => {
  let rendered: Rendered;
  let running: RunningProcess | undefined;
  let base = "";

  beforeAll(async () => {
    rendered = await renderPhase("phase2");
    const port = await freePort();
    const deadApiServer = await freePort(); // in-cluster discovery's API server: nobody listens
    const pod = prometheusPod(rendered, { args: [`--web.listen-address=127.0.0.1:${port}`] });
    running = startContainer(pod, "prometheus", {
      programs: bins.dir,
      entrypoint: ["/usr/local/bin/prometheus"],
      env: { KUBERNETES_SERVICE_HOST: "127.0.0.1", KUBERNETES_SERVICE_PORT: String(deadApiServer) },
    });
    base = `http://127.0.0.1:${port}`;
    await untilPrometheusReady(running, base);
  }, 90_000);
  afterAll(async () => {
    await running?.stop(10_000);
  });
  afterEach((context) => {
    if (context.task.result?.state === "fail" && running) console.error(running.output());
  });

  it("is ready and healthy", async () => {
    const ready = await fetch(`${base}/-/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toContain("Ready");
    expect((await fetch(`${base}/-/healthy`)).status).toBe(200);
  });

  it(`is Prometheus ${PROMETHEUS_VERSION}`, async () => {
    const info = (await (await fetch(`${base}/api/v1/status/buildinfo`)).json()) as { status: string; data: { version: string } };
    expect(info.status).toBe("success");
    expect(info.data.version).toBe(PROMETHEUS_VERSION);
  });

  it("serves the chart's config from /api/v1/status/config (every value the chart sets, with Prometheus's defaults around them)", async () => {
    const reply = (await (await fetch(`${base}/api/v1/status/config`)).json()) as { status: string; data: { yaml: string } };
    expect(reply.status).toBe("success");
    const chart = prometheusConfig(rendered);
    const served = parse(reply.data.yaml) as Record<string, unknown>;
    expect(chart.scrape_configs).toHaveLength(2);
    expect(served).toMatchObject(chart);
  });

  it("loaded the config and set up both Kubernetes discoveries from the pod's service account", async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const value = (line: RegExp) => Number(new RegExp(`^${line.source} (\\S+)$`, "m").exec(metrics)?.[1]);
    expect(value(/prometheus_config_last_reload_successful/)).toBe(1);
    expect(value(/prometheus_sd_failed_configs\{name="scrape"\}/)).toBe(0);
    expect(value(/prometheus_sd_discovered_targets\{config="kubernetes-pods",name="scrape"\}/)).toBe(0);
    expect(value(/prometheus_sd_discovered_targets\{config="kubernetes-nodes",name="scrape"\}/)).toBe(0);
    // The retention the chart passes (--storage.tsdb.retention.time) is the one in force.
    const flags = (await (await fetch(`${base}/api/v1/status/flags`)).json()) as { data: Record<string, string> };
    expect(flags.data["storage.tsdb.retention.time"]).toBe("15d");
    expect(flags.data["storage.tsdb.path"]).toBe("/prometheus");
  });

  it("has no web UI (its assets are not in the Go module): the UI pages answer 500, the API does not need them", async () => {
    const page = await fetch(`${base}/query`);
    expect(page.status).toBe(500);
    expect(await page.text()).toContain("index.html");
    const query = (await (await fetch(`${base}/api/v1/query?query=up`)).json()) as { status: string };
    expect(query.status).toBe("success");
  });
});
