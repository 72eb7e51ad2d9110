import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { generatedFiles } from "../../src/generate/files.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { verifyCopy, type VerifyCopy } from "../support/verify-copy.ts";

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

  it("are each marked linguist-generated in .gitattributes (a README or the umbrella's values.yaml is generated only in part)", async () => {
    const whole = (await generatedFiles()).filter((f) => !f.partial).map((f) => f.path);
    const { stdout } = await execa("git", ["check-attr", "linguist-generated", "--", ...whole], { cwd: REPO_ROOT });
    const unmarked = stdout.split("\n").filter((line) => !line.endsWith(": true"));
    expect(unmarked).toEqual([]);
  });

  describe("npm run verify in a copy of the repository", () => {
    let copy: VerifyCopy | undefined;
    afterAll(() => copy?.remove());

    it("fails, naming the file, when a generated file was edited by hand", async () => {
      copy = verifyCopy();
      const edited = "charts/vendata/charts/api/values.schema.json";
      const schema = JSON.parse(readFileSync(join(copy.root, edited), "utf8")) as { properties: Record<string, unknown> };
      schema.properties.replicaCont = { type: "integer" };
      writeFileSync(join(copy.root, edited), `${JSON.stringify(schema, null, 2)}\n`);

      const result = await copy.check();
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(edited);
      expect(result.stderr).toContain("npm run generate");
    });
  });
});
