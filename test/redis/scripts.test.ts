// The scripts the chart ships (files/*.sh) reach the pods unchanged, and pass shellcheck
// as rendered.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.ts";
import { PHASES } from "../../src/phases.ts";
import { requireTool } from "../support/process.ts";
import { renderPhase } from "../render.ts";

const FILES = join(REPO_ROOT, "charts/vendata/charts/redis/files");
const SCRIPTS = readdirSync(FILES).filter((f) => f.endsWith(".sh"));

describe.each(PHASES)("redis scripts in %s", (phase) => {
  it("are every file of files/, unchanged", async () => {
    const data = (await renderPhase(phase)).find("ConfigMap", "vendata-redis").data ?? {};
    expect(SCRIPTS.length).toBeGreaterThan(0);
    for (const script of SCRIPTS) expect(data[script], script).toBe(readFileSync(join(FILES, script), "utf8"));
  });

  it("pass shellcheck as rendered", async () => {
    const shellcheck = requireTool("shellcheck", "apt-get install -y shellcheck");
    const data = (await renderPhase(phase)).find("ConfigMap", "vendata-redis").data ?? {};
    const dir = mkdtempSync(join(tmpdir(), "vendata-redis-scripts-"));
    const rendered = Object.keys(data).filter((k) => k.endsWith(".sh"));
    for (const name of rendered) writeFileSync(join(dir, name), data[name] ?? "");
    const result = spawnSync(shellcheck, ["--external-sources", "--source-path=SCRIPTDIR", ...rendered], { cwd: dir, encoding: "utf8" });
    rmSync(dir, { recursive: true });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
