// The local image recipes (images/*/recipe.env) and the OCI layout images/build.sh writes.
// No cluster: the pause image builds from a C file in a second, and is never imported.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.ts";
import { requireTool } from "../support/process.ts";

const IMAGES = join(REPO_ROOT, "images");
const NAMES = readdirSync(IMAGES).filter((name) => existsSync(join(IMAGES, name, "recipe.env")));
const KEYS = ["NAME", "BASE", "USER", "ENTRYPOINT", "CMD", "ENV"] as const;

/** A recipe's keys as bash reads them, in an empty environment (so $USER is the recipe's). */
function recipe(name: string): Record<(typeof KEYS)[number], string> {
  const script = `source "$1"; printf '%s\\0' ${KEYS.map((k) => `"\${${k}:-}"`).join(" ")}`;
  // stdin not a socket (Node's pipes are), or bash would read ~/.bashrc as if run by sshd.
  const result = spawnSync("env", ["-i", "bash", "-c", script, "_", join(IMAGES, name, "recipe.env")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(result.stderr).toBe("");
  const values = result.stdout.split("\0");
  return Object.fromEntries(KEYS.map((k, i) => [k, values[i] ?? ""])) as Record<(typeof KEYS)[number], string>;
}

function buildImages(cache: string, ...args: string[]) {
  return spawnSync("bash", [join(IMAGES, "build.sh"), "--no-import", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, VENDATA_CACHE: cache },
  });
}

const sha256 = (bytes: Buffer) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

describe("image recipes", () => {
  it("exist for pause and shell", () => {
    expect(NAMES).toEqual(expect.arrayContaining(["pause", "shell"]));
  });

  it.each(NAMES)("%s: is named under vendata.local/, has a base and a numeric non-root user", (name) => {
    const r = recipe(name);
    expect(r.NAME).toMatch(/^vendata\.local\/[a-z0-9][a-z0-9._/-]*:[\w][\w.-]*$/);
    expect(r.BASE).toMatch(/^(scratch|debian:[a-z]+)$/);
    // The restricted Pod Security Standard needs a non-root user the kubelet can check.
    expect(r.USER).toMatch(/^[0-9]+$/);
    expect(Number(r.USER)).toBeGreaterThan(0);
  });

  it.each(NAMES)("%s: ENTRYPOINT, CMD and ENV are empty or JSON arrays of strings", (name) => {
    const r = recipe(name);
    for (const key of ["ENTRYPOINT", "CMD", "ENV"] as const) {
      if (r[key] === "") continue;
      const parsed: unknown = JSON.parse(r[key]);
      expect(Array.isArray(parsed) && parsed.every((s) => typeof s === "string"), `${key}=${r[key]}`).toBe(true);
    }
  });

  it("build.sh and each image's build.sh pass shellcheck", () => {
    const shellcheck = requireTool("shellcheck", "apt-get install -y shellcheck");
    const scripts = ["images/build.sh", ...NAMES.map((n) => `images/${n}/build.sh`).filter((p) => existsSync(join(REPO_ROOT, p)))];
    const result = spawnSync(shellcheck, ["-x", ...scripts], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("images/build.sh", () => {
  let cache = "";
  let layout = "";
  let firstRun = "";
  const blob = (digest: string) => readFileSync(join(layout, "blobs/sha256", digest.replace(/^sha256:/, "")));
  const json = (digest: string) => JSON.parse(blob(digest).toString("utf8"));

  beforeAll(() => {
    requireTool("gcc", "apt-get install -y gcc libc6-dev");
    cache = mkdtempSync(join(tmpdir(), "vendata-images-"));
    const result = buildImages(cache, "pause");
    firstRun = result.stdout;
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const built = readdirSync(join(cache, "images")).filter((f) => /^pause-[0-9a-f]{16}$/.test(f));
    expect(built).toHaveLength(1);
    layout = join(cache, "images", built[0] ?? "");
  });
  afterAll(() => {
    if (cache) rmSync(cache, { recursive: true, force: true });
  });

  it("refuses an unknown image, naming the known ones", () => {
    const result = buildImages(cache, "no-such-image");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("unknown image: no-such-image");
    for (const name of NAMES) expect(result.stderr).toContain(name);
  });

  it("writes an OCI layout whose index names the image for containerd", () => {
    expect(firstRun).toMatch(/pause: built in \d+ s/);
    expect(JSON.parse(readFileSync(join(layout, "oci-layout"), "utf8"))).toEqual({ imageLayoutVersion: "1.0.0" });
    const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
    expect(index.manifests).toHaveLength(1);
    expect(index.manifests[0].annotations).toEqual({ "io.containerd.image.name": "vendata.local/pause:1", "org.opencontainers.image.ref.name": "1" });
    expect(index.manifests[0].platform.os).toBe("linux");
  });

  it("stores every blob under its own sha256 and size", () => {
    const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
    const manifest = json(index.manifests[0].digest);
    for (const d of [index.manifests[0], manifest.config, ...manifest.layers]) {
      expect(sha256(blob(d.digest))).toBe(d.digest);
      expect(blob(d.digest).length).toBe(d.size);
    }
  });

  it("gives the config the recipe's user and entrypoint, and the layer's diff_id", () => {
    const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
    const manifest = json(index.manifests[0].digest);
    const config = json(manifest.config.digest);
    expect(config.config.User).toBe("65535");
    expect(config.config.Entrypoint).toEqual(["/pause"]);
    expect(manifest.layers).toHaveLength(1);
    // The layer is stored uncompressed, so its diff_id is the sha256 of the blob itself.
    expect(manifest.layers[0].mediaType).toBe("application/vnd.oci.image.layer.v1.tar");
    expect(config.rootfs).toEqual({ type: "layers", diff_ids: [sha256(blob(manifest.layers[0].digest))] });
    expect(readFileSync(`${layout}.packages`, "utf8")).toBe("");
  });

  it("reuses the cached layout when nothing changed", () => {
    const result = buildImages(cache, "pause");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`pause: cached (${layout})`);
  });

  it("puts a static /pause in the layer that exits 0 on SIGTERM", async () => {
    const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
    const layer = json(index.manifests[0].digest).layers[0].digest.replace(/^sha256:/, "");
    const root = join(cache, "rootfs");
    const tar = spawnSync("tar", ["-xf", join(layout, "blobs/sha256", layer), "-C", cache, "--one-top-level=rootfs"], { encoding: "utf8" });
    expect(tar.stderr).toBe("");
    const pause = spawn(join(root, "pause"), { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => pause.on("exit", (code) => resolve(code)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pause.exitCode).toBeNull(); // still paused
    pause.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
