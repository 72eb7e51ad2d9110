// What a user gets without this repository: the packaged chart carries its presets, and
// `helm show values` shows every subchart's settings.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runHelm } from "../../src/helm/run.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { PHASES, phaseValuesFiles, PRESETS_DIR } from "../../src/phases.ts";
import { render } from "../../src/render/render.ts";
import { SUBCHARTS, UMBRELLA_DIR } from "../../src/schema/charts.ts";
import { FAKE_SECRETS } from "../render.ts";

const presetFiles = (): string[] =>
  readdirSync(join(REPO_ROOT, PRESETS_DIR), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .sort();

describe("helm package charts/vendata", () => {
  let dir = "";
  let tgz = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vendata-package-"));
    await runHelm(["package", join(REPO_ROOT, UMBRELLA_DIR), "-d", dir]);
    tgz = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz")) ?? "missing.tgz");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A file of the package, as `tar -xzOf` prints it. */
  const fromPackage = (path: string): string => execFileSync("tar", ["-xzOf", tgz, `vendata/${path}`], { encoding: "utf8" });

  it("carries every preset, byte for byte", () => {
    const files = presetFiles();
    expect(files).toEqual(expect.arrayContaining(["phase1.yaml", "phase4.yaml", "regions/sa-east.yaml", "small.yaml"]));
    for (const file of files) expect(fromPackage(`presets/${file}`), file).toBe(readFileSync(join(REPO_ROOT, PRESETS_DIR, file), "utf8"));
  });

  it("carries the library chart inside every subchart, so each subchart renders from the package", () => {
    const listing = execFileSync("tar", ["-tzf", tgz], { encoding: "utf8" }).split("\n");
    for (const s of SUBCHARTS) expect(listing, s.key).toContain(`vendata/charts/${s.key}/charts/common/templates/_images.tpl`);
  });

  it.each(PHASES)("renders %s from the package and its own presets as from the repository", async (phase) => {
    const extracted = mkdtempSync(join(dir, `${phase}-`));
    const files = phaseValuesFiles(phase).map((f) => {
      const path = join(extracted, f.replaceAll("/", "_"));
      writeFileSync(path, fromPackage(f.slice(`${UMBRELLA_DIR}/`.length)));
      return path;
    });
    const [packaged, repo] = await Promise.all([
      render({ chart: tgz, valuesFiles: [...files, FAKE_SECRETS] }),
      render({ valuesFiles: [...phaseValuesFiles(phase), FAKE_SECRETS] }),
    ]);
    expect(packaged.objects.length).toBeGreaterThan(10);
    expect(packaged.objects).toEqual(repo.objects);
  });
});

describe("helm show values charts/vendata", () => {
  // The generated block: every subchart's values.yaml, commented out, under its key.
  function listedDefaults(shown: string): Record<string, unknown> {
    const block = shown.split("# BEGIN SUBCHART DEFAULTS")[1]?.split("# END SUBCHART DEFAULTS")[0] ?? "";
    const yaml = block
      .split("\n")
      .slice(1)
      .map((line) => line.replace(/^# ?/, ""))
      .join("\n");
    return (parse(yaml) ?? {}) as Record<string, unknown>;
  }

  it("lists every subchart's defaults under its key, as its own values.yaml has them", async () => {
    const listed = listedDefaults(await runHelm(["show", "values", join(REPO_ROOT, UMBRELLA_DIR)]));
    expect(Object.keys(listed).sort()).toEqual(SUBCHARTS.map((s) => s.key).sort());
    for (const s of SUBCHARTS) expect(listed[s.key], s.key).toEqual(parse(readFileSync(join(REPO_ROOT, s.dir, "values.yaml"), "utf8")));
  });

  it("leaves the subcharts' own values.yaml the defaults: the umbrella sets no subchart key but its switch", () => {
    const umbrella = parse(readFileSync(join(REPO_ROOT, UMBRELLA_DIR, "values.yaml"), "utf8")) as Record<string, unknown>;
    for (const s of SUBCHARTS) expect(Object.keys((umbrella[s.key] ?? {}) as object).filter((k) => k !== "enabled"), s.key).toEqual([]);
  });
});
