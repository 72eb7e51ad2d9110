// files/refresh-peers.sh, as rendered, on nodes.conf files in the formats of Redis 7.0
// (ip:port@cport,hostname) and 7.2 (hostname then aux fields), with peers' names
// resolving through a private /etc/hosts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireRoot } from "../support/process.ts";
import { renderPhase } from "../render.ts";

const ID = (n: number) => String(n).repeat(40);
const HOST = (n: number) => `vendata-redis-${n}.vendata-redis-headless.vendata.svc`;
const SHARD = "s".repeat(40);

let script = "";

/** Runs the script on a nodes.conf with these hosts entries; returns the file after. */
function refresh(nodesConf: string, hosts: string, podIp = "127.77.0.1"): string {
  const dir = mkdtempSync(join(tmpdir(), "vendata-refresh-peers-"));
  writeFileSync(join(dir, "refresh-peers.sh"), script);
  writeFileSync(join(dir, "nodes.conf"), nodesConf);
  writeFileSync(join(dir, "hosts"), hosts);
  execFileSync("unshare", ["--mount", "--propagation", "private", "sh", "-c", 'mount --bind "$1/hosts" /etc/hosts && exec sh "$1/refresh-peers.sh" "$1/nodes.conf"', "sh", dir], {
    env: { PATH: process.env.PATH, POD_IP: podIp },
  });
  const after = readFileSync(join(dir, "nodes.conf"), "utf8");
  rmSync(dir, { recursive: true });
  return after;
}

describe("refresh-peers.sh", () => {
  beforeAll(async () => {
    requireRoot("running Redis pods locally");
    script = (await renderPhase("phase3")).find("ConfigMap", "vendata-redis").data?.["refresh-peers.sh"] ?? "";
  });

  it("moves peers to the addresses their hostnames have now (Redis 7.0 format)", () => {
    const before = [
      `${ID(1)} 10.0.0.1:6379@16379,${HOST(0)} myself,master - 0 0 1 connected 0-5460`,
      `${ID(2)} 10.0.0.2:6379@16379,${HOST(1)} master - 0 1700000000000 2 connected 5461-10922`,
      `${ID(3)} 10.0.0.3:6379@16379,${HOST(2)} slave ${ID(2)} 0 1700000000000 2 connected`,
      "vars currentEpoch 6 lastVoteEpoch 0",
      "",
    ].join("\n");
    const after = refresh(before, `127.77.0.2 ${HOST(1)}\n127.77.0.3 ${HOST(2)}\n`);
    expect(after).toBe(before.replace("10.0.0.2:", "127.77.0.2:").replace("10.0.0.3:", "127.77.0.3:"));
  });

  it("keeps the 7.2 aux fields, and peers without a hostname or whose name does not resolve", () => {
    const before = [
      `${ID(1)} 10.0.0.1:6379@16379,${HOST(0)},tls-port=0,shard-id=${SHARD} myself,master - 0 0 1 connected 0-5460`,
      `${ID(2)} 10.0.0.2:6379@16379,${HOST(1)},tls-port=0,shard-id=${SHARD} master - 0 1700000000000 2 connected 5461-10922`,
      `${ID(3)} 10.0.0.3:6379@16379,,tls-port=0,shard-id=${SHARD} slave ${ID(2)} 0 1700000000000 2 connected`,
      `${ID(4)} 10.0.0.4:6379@16379,${HOST(3)},tls-port=0,shard-id=${SHARD} slave ${ID(1)} 0 1700000000000 1 connected`,
      "vars currentEpoch 6 lastVoteEpoch 0",
      "",
    ].join("\n");
    const after = refresh(before, `127.77.0.2 ${HOST(1)}\n`);
    expect(after).toBe(before.replace("10.0.0.2:", "127.77.0.2:"));
  }, 30_000);

  it("resolves IPv6 addresses when the pod has one", () => {
    const before = `${ID(2)} fd00::2:6379@16379,${HOST(1)} master - 0 1700000000000 2 connected 5461-10922\n`;
    const after = refresh(before, `127.77.0.2 ${HOST(1)}\nfd00::22 ${HOST(1)}\n`, "fd00::1");
    expect(after).toBe(before.replace("fd00::2:", "fd00::22:"));
  });
});
