import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { generatedFiles } from "../../src/generate/files.ts";
import { REPO_ROOT } from "../../src/paths.ts";

describe("generated files", () => {
  it("match what npm run generate gives from schema/", async () => {
    const stale = (await generatedFiles()).filter((f) => readFileSync(join(REPO_ROOT, f.path), "utf8") !== f.content).map((f) => f.path);
    expect(stale, "run `npm run generate` and commit the result").toEqual([]);
  });

  it("each start with a DO-NOT-EDIT line or marker", async () => {
    for (const file of await generatedFiles()) {
      if (file.path.endsWith("Chart.lock")) continue; // Helm's own format; checked by digest.
      expect(file.content, file.path).toMatch(/DO NOT EDIT/);
    }
  });

  describe("npm run verify in a copy of the repository", () => {
    const copy = mkdtempSync(join(tmpdir(), "vendata-drift-"));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it("fails, naming the file, when a generated file was edited by hand", async () => {
      for (const entry of ["charts", "schema", "scripts", "src", "package.json", "tsconfig.json"]) {
        cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
      }
      symlinkSync(join(REPO_ROOT, "node_modules"), join(copy, "node_modules"));
      const edited = "charts/vendata/charts/api/values.schema.json";
      const schema = JSON.parse(readFileSync(join(copy, edited), "utf8")) as { properties: Record<string, unknown> };
      schema.properties.replicaCont = { type: "integer" };
      writeFileSync(join(copy, edited), `${JSON.stringify(schema, null, 2)}\n`);

      const result = await execa("npx", ["tsx", "scripts/generate.ts", "--check"], { cwd: copy, reject: false });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(edited);
      expect(result.stderr).toContain("npm run generate");
    });
  });
});
