// mongod refuses a keyFile that group or others can read, and a Secret volume under an
// fsGroup is group-readable. The init container's own command, run here on a file with
// the mode such a volume has, must leave a copy with mode 0400.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { requireTool } from "../support/process.ts";
import { renderPhase } from "../render.ts";

describe("keyFile copy", () => {
  const root = mkdtempSync(join(tmpdir(), "vendata-keyfile-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(["phase2", "phase4"] as const)("%s: the init container turns the group-readable Secret file into a 0400 copy", async (phase) => {
    const r = await renderPhase(phase);
    const command = r.find("StatefulSet", phase === "phase2" ? "vendata-mongo" : "vendata-mongo-shard0").spec?.template.spec?.initContainers?.find((c) => c.name === "keyfile")?.command;
    expect(command?.[0]).toBe("install");
    requireTool("install", "apt-get install -y coreutils");
    // The container's paths, moved under a scratch directory.
    const local = (path: string) => (path.startsWith("/etc/mongo/") ? join(root, phase, path) : path);
    const [source, target] = [command!.at(-2)!, command!.at(-1)!].map(local);
    mkdirSync(join(source!, ".."), { recursive: true });
    mkdirSync(join(target!, ".."), { recursive: true });
    writeFileSync(source!, "FakeMongoKeyfileForTestsOnly");
    chmodSync(source!, 0o440);
    const result = spawnSync(command![0]!, command!.slice(1).map(local), { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(statSync(target!).mode & 0o777).toBe(0o400);
  });
});
