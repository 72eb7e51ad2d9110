// The Prometheus image (images/prometheus): its recipe against what the chart's
// StatefulSet expects, the values overlay that points the chart at it, and the image
// itself, built by images/build.sh (never imported) around the binaries that
// scripts/build-prometheus.sh cached, then run from its own layer as uid 65534 with its
// own entrypoint and command, as a runtime would. No cluster; needs root (the recipe
// chowns and chroots, and so does the run).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { localClusterValues } from "../../src/cluster/stack.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { phaseValuesFiles } from "../../src/phases.ts";
import { render, type Rendered } from "../../src/render/render.ts";
import { freePort, requireRoot, requireTool, startProcess, type RunningProcess } from "../support/process.ts";
import { PROMETHEUS_VERSION, requirePrometheus, untilPrometheusReady } from "../support/prometheus.ts";
import { FAKE_SECRETS } from "../render.ts";

const RECIPE = join(REPO_ROOT, "images/prometheus/recipe.env");
const KEYS = ["NAME", "BASE", "USER", "ENTRYPOINT", "CMD", "WORKDIR", "SOURCES"] as const;

function recipe(): Record<(typeof KEYS)[number], string> {
  const script = `source "$1"; printf '%s\\0' ${KEYS.map((k) => `"\${${k}:-}"`).join(" ")}`;
  const result = spawnSync("env", ["-i", "bash", "-c", script, "_", RECIPE], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(result.stderr).toBe("");
  const values = result.stdout.split("\0");
  return Object.fromEntries(KEYS.map((k, i) => [k, values[i] ?? ""])) as Record<(typeof KEYS)[number], string>;
}

/** Phase 2 as stack:up installs it on the local cluster (the FerretDB stand-in for Mongo). */
function renderForLocalCluster(): Promise<Rendered> {
  const mongo = { host: "ferretdb.vendata.svc:27017", database: "vendata", username: "vendata-app", secretName: "ferretdb-vendata", passwordKey: "password" };
  return render({ valuesFiles: [...phaseValuesFiles("phase2"), "charts/vendata/presets/small.yaml", "test/e2e/local-images.yaml", FAKE_SECRETS], values: localClusterValues(mongo) });
}

describe("images/prometheus recipe", () => {
  it("names the pinned Prometheus version, and rebuilds when the build script changes", () => {
    const r = recipe();
    expect(r.NAME).toBe(`vendata.local/prometheus:${PROMETHEUS_VERSION}`);
    expect(PROMETHEUS_VERSION).toMatch(/^3\.\d+\.\d+$/);
    expect(r.BASE).toBe("scratch");
    expect(r.SOURCES.split(" ")).toContain("scripts/build-prometheus.sh");
  });

  it("scripts/build-prometheus.sh passes shellcheck and pins the Go module version of that release", () => {
    const shellcheck = requireTool("shellcheck", "apt-get install -y shellcheck");
    const result = spawnSync(shellcheck, ["-x", "scripts/build-prometheus.sh"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
    // Prometheus 3.x.y is tagged v0.3xx.y in Go.
    const script = readFileSync(join(REPO_ROOT, "scripts/build-prometheus.sh"), "utf8");
    const [, minor, patch] = PROMETHEUS_VERSION.split(".").map(Number);
    expect(script).toMatch(new RegExp(`^PROMETHEUS_MODULE_VERSION=v0\\.${300 + (minor ?? 0)}\\.${patch}$`, "m"));
  });

  it("runs as the user, entrypoint and paths the chart's StatefulSet expects, like prom/prometheus", async () => {
    const r = recipe();
    const spec = (await renderForLocalCluster()).find("StatefulSet", "vendata-prometheus").spec?.template.spec;
    const container = spec?.containers.find((c) => c.name === "prometheus");
    // The pod's user, group and fsGroup are the image's user (nobody).
    expect(Number(r.USER)).toBe(spec?.securityContext?.runAsUser);
    expect(spec?.securityContext?.runAsGroup).toBe(65534);
    expect(spec?.securityContext?.fsGroup).toBe(65534);
    // The chart gives args only: the image's entrypoint runs them.
    expect(container?.command).toBeUndefined();
    expect(JSON.parse(r.ENTRYPOINT)).toEqual(["/bin/prometheus"]);
    expect(JSON.parse(r.CMD)).toEqual(["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]);
    expect(r.WORKDIR).toBe("/prometheus");
    // The chart's args name the paths its volumes are mounted at.
    expect(container?.args).toEqual(expect.arrayContaining(["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]));
    expect(container?.volumeMounts?.map((m) => m.mountPath).sort()).toEqual(["/etc/prometheus", "/prometheus"]);
  });
});

describe("test/e2e/local-images.yaml and the local cluster's values", () => {
  it("point the chart's Prometheus at the local image, never pulled", () => {
    const overlay = parse(readFileSync(join(REPO_ROOT, "test/e2e/local-images.yaml"), "utf8")) as { monitoring: { prometheus: { image: Record<string, string> } } };
    const image = overlay.monitoring.prometheus.image;
    expect(`${image.registry}/${image.repository}:${image.tag}`).toBe(recipe().NAME);
    expect(image.pullPolicy).toBe("Never");
  });

  it("run Prometheus from that image and no Grafana (stack:up's render)", async () => {
    const r = await renderForLocalCluster();
    const container = r.find("StatefulSet", "vendata-prometheus").spec?.template.spec?.containers[0];
    expect(container?.image).toBe(recipe().NAME);
    expect(container?.imagePullPolicy).toBe("Never");
    expect(r.maybe("Deployment", "vendata-grafana")).toBeUndefined();
    expect(r.maybe("NetworkPolicy", "vendata-allow-grafana")).toBeUndefined();
  });
});

describe("images/build.sh prometheus", () => {
  let cache = "";
  let layout = "";
  let rootfs = "";
  let config: { config: { User: string; Entrypoint: string[]; Cmd: string[]; WorkingDir: string } };
  const blob = (digest: string) => readFileSync(join(layout, "blobs/sha256", digest.replace(/^sha256:/, "")));

  beforeAll(() => {
    requireRoot("building the Prometheus image");
    const bins = requirePrometheus();
    cache = mkdtempSync(join(tmpdir(), "vendata-images-"));
    // The binaries already built, seen from this empty cache: build.sh must not rebuild them.
    symlinkSync(bins.dir, join(cache, basename(bins.dir)));
    const result = spawnSync("bash", [join(REPO_ROOT, "images/build.sh"), "--no-import", "prometheus"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, VENDATA_CACHE: cache },
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/prometheus: built in \d+ s/);
    expect(result.status).toBe(0);
    const built = readdirSync(join(cache, "images")).filter((f) => /^prometheus-[0-9a-f]{16}$/.test(f));
    expect(built).toHaveLength(1);
    layout = join(cache, "images", built[0] ?? "");
    const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
    expect(index.manifests[0].annotations["io.containerd.image.name"]).toBe(`vendata.local/prometheus:${PROMETHEUS_VERSION}`);
    const manifest = JSON.parse(blob(index.manifests[0].digest).toString("utf8"));
    config = JSON.parse(blob(manifest.config.digest).toString("utf8"));
    rootfs = join(cache, "rootfs");
    const tar = spawnSync("tar", ["-xf", join(layout, "blobs/sha256", manifest.layers[0].digest.replace(/^sha256:/, "")), "-C", cache, "--one-top-level=rootfs"], { encoding: "utf8" });
    expect(tar.stderr).toBe("");
  }, 300_000);
  afterAll(() => {
    if (cache) rmSync(cache, { recursive: true, force: true });
  });

  it("gives the config the recipe's user, entrypoint, command and working directory", () => {
    expect(config.config.User).toBe("65534");
    expect(config.config.Entrypoint).toEqual(["/bin/prometheus"]);
    expect(config.config.Cmd).toEqual(["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]);
    expect(config.config.WorkingDir).toBe("/prometheus");
  });

  it("lays out the files as prom/prometheus does, /prometheus owned by nobody", () => {
    for (const file of ["bin/prometheus", "bin/promtool"]) expect(statSync(join(rootfs, file)).mode & 0o777, file).toBe(0o755);
    expect(readFileSync(join(rootfs, "etc/prometheus/prometheus.yml"), "utf8")).toContain("scrape_configs:");
    const data = statSync(join(rootfs, "prometheus"));
    expect([data.uid, data.gid, data.mode & 0o777]).toEqual([65534, 65534, 0o775]);
    expect(readFileSync(join(rootfs, "LICENSE"), "utf8")).toContain("Apache License");
  });

  describe("run from its layer as uid 65534 with its own entrypoint and command", () => {
    let running: RunningProcess | undefined;
    let base = "";

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // Its own root (the layer alone), working directory and user, as a runtime sets them.
      const command = [...config.config.Entrypoint, ...config.config.Cmd, `--web.listen-address=127.0.0.1:${port}`];
      const [uid, gid] = [config.config.User, config.config.User];
      running = startProcess("unshare", ["--mount", "--propagation", "private", `--root=${rootfs}`, `--wd=${config.config.WorkingDir}`, `--setuid=${uid}`, `--setgid=${gid}`, ...command]);
      await untilPrometheusReady(running, base);
    }, 90_000);
    afterAll(async () => {
      await running?.stop(10_000);
    });

    it("is ready, runs the image's example config and writes its TSDB in /prometheus", async () => {
      expect((await fetch(`${base}/-/ready`)).status).toBe(200);
      const flags = (await (await fetch(`${base}/api/v1/status/flags`)).json()) as { data: Record<string, string> };
      expect(flags.data["config.file"]).toBe("/etc/prometheus/prometheus.yml");
      expect(flags.data["storage.tsdb.path"]).toBe("/prometheus");
      const jobs = (await (await fetch(`${base}/api/v1/status/config`)).json()) as { data: { yaml: string } };
      expect(jobs.data.yaml).toContain("job_name: prometheus");
      expect(readdirSync(join(rootfs, "prometheus"))).toEqual(expect.arrayContaining(["wal"]));
      expect(statSync(join(rootfs, "prometheus", "wal")).uid).toBe(65534);
    });
  });
});
