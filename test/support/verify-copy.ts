// `npm run verify`'s first half (scripts/generate.ts --check) in a scratch copy of the
// repository, for tests that break something on purpose and read what verify says, or
// add something and run the repository's commands on it.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa, type Result } from "execa";
import { REPO_ROOT } from "../../src/paths.ts";

export interface VerifyCopy {
  /** Absolute path of the copy's root. */
  root: string;
  /** Runs scripts/generate.ts --check in the copy. */
  check(): Promise<Result>;
  /** Runs a command in the copy (`npm run generate`, the CLI ...); a failure is returned, not thrown. */
  run(command: string, args: readonly string[]): Promise<Result>;
  remove(): void;
}

/** A copy of what verify reads (charts, schema, scripts, src), with the real node_modules. */
export function verifyCopy(): VerifyCopy {
  const root = mkdtempSync(join(tmpdir(), "vendata-verify-"));
  for (const entry of ["charts", "schema", "scripts", "src", "package.json", "tsconfig.json"]) {
    cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"));
  const run = (command: string, args: readonly string[]) => execa(command, args, { cwd: root, reject: false });
  return {
    root,
    check: () => run("npx", ["tsx", "scripts/generate.ts", "--check"]),
    run,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
