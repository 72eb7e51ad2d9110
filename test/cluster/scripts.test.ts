// The local cluster's scripts, offline: clean under shellcheck, and every component pinned
// in the one versions file (the e2e suite runs the cluster itself).
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/paths.ts";
import { requireTool } from "../support/process.ts";

const DIR = join(REPO_ROOT, "cluster");
const scripts = readdirSync(DIR).filter((f) => f.endsWith(".sh"));

describe("cluster/ scripts", () => {
  it("pass shellcheck", async () => {
    const shellcheck = requireTool("shellcheck", "apt-get install -y shellcheck");
    const result = await execa(shellcheck, ["-x", ...scripts], { cwd: DIR, reject: false });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("build every component at a version pinned once in versions.env", () => {
    const versions = readFileSync(join(DIR, "versions.env"), "utf8");
    const pinned = new Map([...versions.matchAll(/^([A-Z_]+)_VERSION=(\S+)/gm)].map((m) => [m[1], m[2]]));
    const build = readFileSync(join(DIR, "build.sh"), "utf8");
    const all = /^ALL=\(([^)]*)\)/m.exec(build)?.[1]?.split(/\s+/) ?? [];
    expect(all.length).toBeGreaterThanOrEqual(8);
    const lib = readFileSync(join(DIR, "lib.sh"), "utf8");
    for (const component of all) {
      // bin_dir maps each component to <name>-$<VAR>_VERSION
      const variable = new RegExp(`^\\s+${component}\\) echo "\\$BIN_ROOT/${component}-\\$([A-Z_]+)_VERSION"`, "m").exec(lib)?.[1];
      expect(variable, `${component} in lib.sh bin_dir`).toBeDefined();
      expect(pinned.get(variable ?? ""), `${variable}_VERSION in versions.env`).toMatch(/^\d+\.\d+\.\d+$/);
    }
    // No script repeats a version: the staging modules and stamps follow KUBERNETES_VERSION.
    const kubernetes = pinned.get("KUBERNETES") ?? "";
    for (const script of scripts) expect(readFileSync(join(DIR, script), "utf8"), script).not.toContain(kubernetes);
  });
});
