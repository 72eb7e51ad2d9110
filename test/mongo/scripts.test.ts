// The chart's mongosh scripts: each parses (node's vm compiles it without running it; no
// mongosh needed), and the decisions of lib.js, run here on plain objects, converge on
// the members the values ask for, one member per reconfig, and never drop a majority.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext, Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.ts";
import { renderPhase } from "../render.ts";
import { jobConfig, podHost, type KeyField, type Member } from "./job-config.ts";

const FILES = join(REPO_ROOT, "charts/vendata/charts/mongo/files");
const scripts = readdirSync(FILES).filter((f) => f.endsWith(".js"));

interface ConfigMember {
  _id: number;
  host: string;
  priority?: number;
  votes?: number;
  hidden?: boolean;
}
interface SetConfig {
  _id: string;
  configsvr?: boolean;
  members: ConfigMember[];
}
interface Health {
  primary: string | null;
  healthy: string[];
}
interface Change {
  action: "rename" | "remove" | "update" | "stepDown" | "add";
  host: string;
  members: ConfigMember[];
}
interface Lib {
  nextChange(config: SetConfig, wanted: Member[], health: Health, removeOnly: boolean): Change | null;
  initialConfig(set: { name: string; role: string }, members: Member[]): SetConfig;
  keyDocument(fields: KeyField[]): Record<string, unknown>;
}

function loadLib(): Lib {
  const context = createContext({});
  runInContext(readFileSync(join(FILES, "lib.js"), "utf8"), context, { filename: "lib.js" });
  return context as unknown as Lib;
}

const lib = loadLib();
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const healthy = (config: SetConfig, primary = config.members[0]!.host): Health => ({ primary, healthy: config.members.map((m) => m.host) });
const member = (host: string, priority = 1): Member => ({ host, priority, votes: 1, hidden: false, local: true });
const rs0 = (n: number) => Array.from({ length: n }, (_, i) => member(podHost("mongo", i)));

/** Applies nextChange until it returns null, like converge() in lib.js; returns the steps. */
function converge(start: SetConfig, wanted: Member[], health: (c: SetConfig) => Health = healthy, removeOnly = false) {
  let config = plain(start);
  const steps: Change[] = [];
  for (let i = 0; i < 50; i++) {
    const change = lib.nextChange(config, wanted, health(config), removeOnly);
    if (!change) return { config, steps };
    steps.push(plain(change));
    config = { ...config, members: plain(change.members) };
    if (change.action === "stepDown") health = (c) => ({ primary: c.members.find((m) => m.host !== change.host)!.host, healthy: c.members.map((m) => m.host) });
  }
  throw new Error("did not converge in 50 steps");
}

const voters = (config: SetConfig) => config.members.filter((m) => (m.votes ?? 1) > 0).length;

describe("mongosh scripts", () => {
  it.each(scripts)("%s parses", (file) => {
    expect(() => new Script(readFileSync(join(FILES, file), "utf8"), { filename: file })).not.toThrow();
  });

  it("are all shipped in the scripts ConfigMap, beside config.json", async () => {
    const data = (await renderPhase("phase2")).find("ConfigMap", "vendata-mongo-scripts").data ?? {};
    expect(Object.keys(data).sort()).toEqual([...readdirSync(FILES), "config.json"].sort());
  });
});

describe("replica set decisions (files/lib.js)", () => {
  it("initiates phase 2's rs0 with its 3 members, then changes nothing however often it runs again", async () => {
    const config = jobConfig(await renderPhase("phase2"));
    const set = config.sets[0]!;
    const start = plain(lib.initialConfig(set, set.members));
    expect(start.members.map((m) => m.host)).toEqual([0, 1, 2].map((i) => podHost("mongo", i)));
    expect(converge(start, set.members).steps).toEqual([]);
    expect(lib.nextChange(start, set.members, healthy(start), false)).toBeNull();
  });

  it("marks the config servers' set configsvr", async () => {
    const config = jobConfig(await renderPhase("phase4"));
    const cfg = config.sets.find((s) => s.name === "cfg")!;
    expect(plain(lib.initialConfig(cfg, cfg.members)).configsvr).toBe(true);
    expect(plain(lib.initialConfig(config.sets[1]!, config.sets[1]!.members)).configsvr).toBeUndefined();
  });

  it("grows from 3 to 5 members one member per reconfig, with fresh ids", () => {
    const { config, steps } = converge(lib.initialConfig({ name: "rs0", role: "" }, rs0(3)), rs0(5));
    expect(steps.map((s) => `${s.action} ${s.host}`)).toEqual([`add ${podHost("mongo", 3)}`, `add ${podHost("mongo", 4)}`]);
    expect(config.members.map((m) => m._id)).toEqual([0, 1, 2, 3, 4]);
    for (const [i, step] of steps.entries()) expect(step.members).toHaveLength(4 + i);
  });

  it("shrinks from 5 to 3 members from the last pod down, one per reconfig", () => {
    const { config, steps } = converge(lib.initialConfig({ name: "rs0", role: "" }, rs0(5)), rs0(3));
    expect(steps.map((s) => `${s.action} ${s.host}`)).toEqual([`remove ${podHost("mongo", 4)}`, `remove ${podHost("mongo", 3)}`]);
    expect(config.members.map((m) => m.host)).toEqual(rs0(3).map((m) => m.host));
  });

  it("steps a departing primary down before removing it, after making it unelectable", () => {
    const start = lib.initialConfig({ name: "rs0", role: "" }, rs0(5));
    const { steps } = converge(start, rs0(3), (c) => healthy(c, podHost("mongo", 4)));
    expect(steps.map((s) => `${s.action} ${s.host}`)).toEqual([
      `update ${podHost("mongo", 4)}`,
      `stepDown ${podHost("mongo", 4)}`,
      `remove ${podHost("mongo", 4)}`,
      `remove ${podHost("mongo", 3)}`,
    ]);
    expect(steps[0]!.members.find((m) => m.host === podHost("mongo", 4))?.priority).toBe(0);
  });

  it("refuses to remove a member when the members that stay would not hold a healthy majority", () => {
    const start = lib.initialConfig({ name: "rs0", role: "" }, rs0(3));
    const onlyFirstUp = (): Health => ({ primary: podHost("mongo", 0), healthy: [podHost("mongo", 0)] });
    expect(() => converge(start, rs0(1), onlyFirstUp)).toThrow(/refusing to remove .*mongo-2.* 1 of the 2 voting members .* majority needs 2/);
  });

  it("scales 3 members down to 1 while all are healthy, keeping a voting majority at every step", () => {
    const { config, steps } = converge(lib.initialConfig({ name: "rs0", role: "" }, rs0(3)), rs0(1));
    expect(steps).toHaveLength(2);
    expect(voters(config)).toBe(1);
  });

  it("only removes in the pre-upgrade hook: new members and settings wait for the init Job", () => {
    const start = lib.initialConfig({ name: "rs0", role: "" }, rs0(3));
    const wanted = [member(podHost("mongo", 0), 5), member(podHost("mongo", 1)), member(podHost("mongo", 3))];
    const { steps } = converge(start, wanted, healthy, true);
    expect(steps.map((s) => `${s.action} ${s.host}`)).toEqual([`remove ${podHost("mongo", 2)}`]);
  });

  it("renames members in place when their DNS names change (members.hostTemplate), never removing them", () => {
    const start = lib.initialConfig({ name: "rs0", role: "" }, rs0(3));
    const renamed = rs0(3).map((m) => ({ ...m, host: m.host.replace(".vendata.svc:", ".vendata.svc.clusterset.local:") }));
    expect(converge(start, renamed, healthy, true).steps).toEqual([]);
    const { config, steps } = converge(start, renamed);
    expect(steps.map((s) => s.action)).toEqual(["rename", "rename", "rename"]);
    expect(config.members.map((m) => [m._id, m.host])).toEqual(renamed.map((m, i) => [i, m.host]));
  });

  it("brings priorities, votes and hidden in line one member at a time", () => {
    const start = lib.initialConfig({ name: "rs0", role: "" }, rs0(3));
    const wanted = [member(podHost("mongo", 0), 2), member(podHost("mongo", 1)), { ...member(podHost("mongo", 2), 0), votes: 0, hidden: true }];
    const { config, steps } = converge(start, wanted);
    expect(steps.map((s) => s.action)).toEqual(["update", "update"]);
    expect(config.members.map((m) => [m.priority, m.votes, m.hidden])).toEqual([
      [2, 1, false],
      [1, 1, false],
      [0, 0, true],
    ]);
  });

  it("builds phase 4's home-region sets of 3 local members (priority 2) and 2 in us-east (priority 1)", async () => {
    const config = jobConfig(await renderPhase("phase4"));
    for (const set of config.sets) {
      const local = set.members.filter((m) => m.local);
      const { config: result, steps } = converge(lib.initialConfig(set, local), set.members);
      expect(steps.map((s) => s.action), set.name).toEqual(["add", "add"]);
      expect(result.members.map((m) => m.priority), set.name).toEqual([2, 2, 2, 1, 1]);
      expect(voters(result), set.name).toBe(5);
      expect(result.members.filter((m) => m.host.includes(".us-east.")), set.name).toHaveLength(2);
    }
  });

  it("keeps the order of index and shard key fields (Helm sorts map keys; the values use lists)", async () => {
    const config = jobConfig(await renderPhase("phase4"));
    const orders = config.indexes.find((i) => i.collection === "orders")!;
    expect(Object.keys(plain(lib.keyDocument(orders.keys)))).toEqual(["userId", "createdAt"]);
    expect(plain(lib.keyDocument(orders.keys))).toEqual({ userId: 1, createdAt: -1 });
    expect(plain(lib.keyDocument(config.shardedCollections[0]!.key))).toEqual({ userId: "hashed" });
  });
});
