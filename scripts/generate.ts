// npm run generate: rewrite every generated file.  npm run verify (--check): list the
// generated files that differ from what the generator gives, and fail. Both lint the
// values (src/generate/values-lint.ts); --check fails on a lint problem too.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { generatedFiles } from "../src/generate/files.ts";
import { lintValues } from "../src/generate/values-lint.ts";
import { REPO_ROOT } from "../src/paths.ts";

const check = process.argv.includes("--check");
const drifted: string[] = [];

for (const file of await generatedFiles()) {
  const target = join(REPO_ROOT, file.path);
  const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
  if (current === file.content) continue;
  if (check) {
    drifted.push(file.path);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    console.log(`wrote ${file.path}`);
  }
}

const lint = lintValues();
if (lint.length > 0) console.error(`The values lint found ${lint.length} problem(s) (CONTRIBUTING.md, "The values lint"):\n  ${lint.join("\n  ")}`);

if (drifted.length > 0) {
  console.error(`Generated files differ from schema/ (edit schema/ and run \`npm run generate\`, never the files):\n  ${drifted.join("\n  ")}`);
  process.exit(1);
}
if (check && lint.length > 0) process.exit(1);
if (check) console.log("generated files are up to date; the values lint is clean");
