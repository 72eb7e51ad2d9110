// The servers the tests run are required, never skipped: without them a test fails with
// the command that installs them.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requireFerretDb } from "../../test/mongo/ferretdb.ts";
import { requireRedis } from "./support/redis.ts";

describe("the test servers", () => {
  it("a missing redis-server fails with the apt-get command", () => {
    // A PATH with only sh on it (the lookup runs `sh -c "command -v ..."`).
    const bin = mkdtempSync(join(tmpdir(), "reference-api-path-"));
    symlinkSync("/bin/sh", join(bin, "sh"));
    const path = process.env.PATH;
    process.env.PATH = bin;
    try {
      expect(() => requireRedis()).toThrow("redis-server is not installed; install it with: apt-get install -y redis-server redis-tools");
    } finally {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it("a missing FerretDB fails with the build command", () => {
    const cache = process.env.VENDATA_CACHE;
    process.env.VENDATA_CACHE = "/nonexistent";
    try {
      expect(() => requireFerretDb()).toThrow("build it with: bash scripts/build-ferretdb.sh");
    } finally {
      if (cache === undefined) delete process.env.VENDATA_CACHE;
      else process.env.VENDATA_CACHE = cache;
    }
  });

  it("redis-server, redis-cli and FerretDB are here", () => {
    expect(requireRedis().server).toMatch(/redis-server$/);
    expect(requireFerretDb()).toMatch(/ferretdb$/);
  });
});
