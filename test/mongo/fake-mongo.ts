// A stand-in for the parts of mongosh and mongod the chart's scripts use, so the scripts
// themselves (init.js, scale-down.js, indexes.js) run in node's vm against replica sets
// kept in memory. It enforces the rules the scripts must respect: auth (users or the
// keyFile's __system), one voting member added or removed per reconfig, writes only on a
// primary. Every write is logged, so a test can tell a run that changed nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";

export interface User {
  password: string;
  roles: { role: string; db: string }[];
}
export interface ConfigMember {
  _id: number;
  host: string;
  priority?: number;
  votes?: number;
  hidden?: boolean;
}
export interface SetConfig {
  _id: string;
  version: number;
  configsvr?: boolean;
  members: ConfigMember[];
}
interface Node {
  host: string;
  up: boolean;
  set?: ReplicaSet;
  users: Map<string, User>;
}
interface ReplicaSet {
  config: SetConfig;
  primary: string | null;
  users: Map<string, User>;
}
type Doc = Record<string, unknown>;

export class FakeCluster {
  readonly nodes = new Map<string, Node>();
  readonly writes: string[] = [];
  readonly output: string[] = [];
  readonly indexes: { ns: string; keys: Doc; options: Doc }[] = [];
  readonly shards: string[] = [];
  readonly sharded = new Map<string, Doc>();
  mongos?: { host: string; configSet: string };

  constructor(readonly keyFile: string) {}

  addNode(host: string, users: Map<string, User> = new Map()): void {
    this.nodes.set(host, { host, up: true, users });
  }

  /** Another name of a node (a Service in front of a standalone). */
  addAlias(alias: string, host: string): void {
    this.nodes.set(alias, this.nodes.get(host)!);
  }

  set(name: string): ReplicaSet | undefined {
    for (const node of this.nodes.values()) if (node.set?.config._id === name) return node.set;
    return undefined;
  }

  private write(what: string): void {
    this.writes.push(what);
  }

  private electable(set: ReplicaSet, except?: string): string | null {
    const candidates = set.config.members
      .filter((m) => (m.priority ?? 1) > 0 && (m.votes ?? 1) > 0 && m.host !== except && this.nodes.get(m.host)?.up)
      .sort((a, b) => (b.priority ?? 1) - (a.priority ?? 1) || a._id - b._id);
    return candidates[0]?.host ?? null;
  }

  private usersOf(node: Node): Map<string, User> {
    return node.set ? node.set.users : node.users;
  }

  /** The connection `new Mongo(uri)` gives: checks credentials, picks the node. */
  connect(uri: string): FakeConnection {
    const match = /^mongodb:\/\/(?:([^:@/]+):([^@/]+)@)?([^/?]+)\/?[^?]*(?:\?(.*))?$/.exec(uri);
    if (!match) throw new Error(`bad uri ${uri}`);
    const [, user, password, hostList, query] = match;
    const params = new URLSearchParams(query ?? "");
    const hosts = hostList!.split(",");
    if (this.mongos && hosts[0] === this.mongos.host) {
      const cfg = this.set(this.mongos.configSet);
      if (!cfg?.primary) throw new Error("mongos cannot reach the config servers");
      this.authenticate(cfg.users, user, password);
      return new FakeConnection(this, { kind: "mongos" });
    }
    let node: Node | undefined;
    if (params.get("replicaSet")) {
      const set = hosts.map((h) => this.nodes.get(h)?.set).find((s) => s?.config._id === params.get("replicaSet"));
      node = set?.primary ? this.nodes.get(set.primary) : undefined;
      if (!node) throw new Error(`Server selection timed out: no primary in ${params.get("replicaSet")}`);
    } else {
      node = this.nodes.get(hosts[0]!);
      if (!node?.up) throw new Error(`connect ECONNREFUSED ${hosts[0]}`);
    }
    if (user === "__system") {
      if (decodeURIComponent(password!) !== this.keyFile || params.get("authSource") !== "local") throw new Error("Authentication failed.");
    } else if (user) {
      this.authenticate(this.usersOf(node), user, password);
    }
    return new FakeConnection(this, { kind: "node", node });
  }

  private authenticate(users: Map<string, User>, user: string | undefined, password: string | undefined): void {
    if (user === undefined) return;
    if (users.get(decodeURIComponent(user))?.password !== decodeURIComponent(password ?? "")) throw new Error("Authentication failed.");
  }

  command(target: Target, db: string, cmd: Doc): Doc {
    const name = Object.keys(cmd)[0]!;
    if (target.kind === "mongos") return this.mongosCommand(name, cmd);
    const node = target.node;
    const set = node.set;
    switch (name) {
      case "hello":
        return {
          ok: 1,
          setName: set?.config._id,
          isWritablePrimary: set ? set.primary === node.host : true,
          secondary: set ? set.primary !== node.host : false,
          isreplicaset: !set || undefined,
        };
      case "ping":
        return { ok: 1 };
      case "replSetInitiate": {
        if (set) throw new Error("already initialized");
        const config = { ...(cmd.replSetInitiate as SetConfig), version: 1 };
        if (!config.members.some((m) => m.host === node.host)) throw new Error("No host described in new configuration maps to this node");
        for (const m of config.members) if (!this.nodes.get(m.host)?.up) throw new Error(`replSetInitiate quorum check failed: ${m.host} did not respond`);
        const created: ReplicaSet = { config, primary: null, users: node.users };
        for (const m of config.members) this.nodes.get(m.host)!.set = created;
        created.primary = this.electable(created);
        this.write(`${config._id}: initiate on ${node.host} with ${config.members.length} members`);
        return { ok: 1 };
      }
      case "replSetGetConfig":
        if (!set) throw new Error("no replset config has been received");
        return { ok: 1, config: structuredClone(set.config) };
      case "replSetGetStatus":
        if (!set) throw new Error("no replset config has been received");
        return {
          ok: 1,
          members: set.config.members.map((m) => {
            const up = this.nodes.get(m.host)?.up ?? false;
            return { name: m.host, health: up ? 1 : 0, state: !up ? 8 : m.host === set.primary ? 1 : 2 };
          }),
        };
      case "replSetReconfig": {
        this.requirePrimary(node);
        const next = structuredClone(cmd.replSetReconfig as SetConfig);
        if (next.version !== set!.config.version + 1) throw new Error(`version ${next.version} is not ${set!.config.version + 1}`);
        const voters = (c: SetConfig) => new Set(c.members.filter((m) => (m.votes ?? 1) > 0).map((m) => m._id));
        const [before, after] = [voters(set!.config), voters(next)];
        const changed = [...before].filter((id) => !after.has(id)).length + [...after].filter((id) => !before.has(id)).length;
        if (changed > 1) throw new Error("NewReplicaSetConfigurationIncompatible: only one voting member can be added or removed at a time");
        if (!next.members.some((m) => m.host === node.host)) throw new Error("the primary cannot remove itself");
        for (const m of set!.config.members) if (!next.members.some((n) => n.host === m.host) && this.nodes.get(m.host)) this.nodes.get(m.host)!.set = undefined;
        for (const m of next.members) if (this.nodes.get(m.host)) this.nodes.get(m.host)!.set = set;
        set!.config = next;
        this.write(`${next._id}: reconfig to ${next.members.map((m) => `${m._id}=${m.host.split(".")[0]}/p${m.priority ?? 1}/v${m.votes ?? 1}${m.hidden ? "/h" : ""}`).join(" ")}`);
        return { ok: 1 };
      }
      case "replSetStepDown": {
        this.requirePrimary(node);
        set!.primary = this.electable(set!, node.host);
        this.write(`${set!.config._id}: ${node.host.split(".")[0]} stepped down`);
        return { ok: 1 };
      }
      default:
        throw new Error(`the fake does not know ${name} (db ${db})`);
    }
  }

  private requirePrimary(node: Node): void {
    if (node.set?.primary !== node.host) throw new Error("NotWritablePrimary");
  }

  private mongosCommand(name: string, cmd: Doc): Doc {
    switch (name) {
      case "ping":
        return { ok: 1 };
      case "listShards":
        return { ok: 1, shards: this.shards.map((id) => ({ _id: id })) };
      case "addShard": {
        const [setName] = String(cmd.addShard).split("/");
        if (!this.set(setName!)?.primary) throw new Error(`cannot reach shard ${setName}`);
        this.shards.push(setName!);
        this.write(`addShard ${setName}`);
        return { ok: 1 };
      }
      case "enableSharding":
        return { ok: 1 };
      case "shardCollection": {
        if (!this.indexes.some((i) => i.ns === cmd.shardCollection && JSON.stringify(i.keys) === JSON.stringify(cmd.key))) throw new Error("no index on the shard key");
        this.sharded.set(String(cmd.shardCollection), cmd.key as Doc);
        this.write(`shardCollection ${String(cmd.shardCollection)} ${JSON.stringify(cmd.key)}`);
        return { ok: 1 };
      }
      default:
        throw new Error(`the fake mongos does not know ${name}`);
    }
  }

  users(target: Target): Map<string, User> {
    if (target.kind === "mongos") return this.set(this.mongos!.configSet)!.users;
    return this.usersOf(target.node);
  }

  userWrite(target: Target, what: string): void {
    if (target.kind === "node") {
      if (target.node.set) this.requirePrimary(target.node);
    }
    this.write(what);
  }

  createIndex(ns: string, keys: Doc, options: Doc): string {
    const name = Object.entries(keys).map(([k, v]) => `${k}_${String(v)}`).join("_");
    if (!this.indexes.some((i) => i.ns === ns && JSON.stringify(i.keys) === JSON.stringify(keys))) {
      this.indexes.push({ ns, keys, options });
      this.write(`createIndex ${ns} ${JSON.stringify(keys)} ${JSON.stringify(options)}`);
    }
    return name;
  }

  /**
   * Runs one of the chart's mongosh scripts against this cluster; files/ is /scripts and
   * config.json is the rendered one.
   */
  runScript(filesDir: string, script: string, configJson: string, env: Record<string, string>): void {
    const cluster = this;
    const read = (path: string) => (path === "/scripts/config.json" ? configJson : readFileSync(join(filesDir, path.replace(/^\/scripts\//, "")), "utf8"));
    const context = createContext({
      Mongo: function FakeMongo(uri: string) {
        return cluster.connect(uri);
      },
      sleep: () => undefined,
      print: (line: string) => cluster.output.push(line),
      quit: (code: number) => {
        throw new Error(`quit(${code})`);
      },
      require: (name: string) => {
        if (name !== "fs") throw new Error(`require(${name})`);
        return { readFileSync: read };
      },
      process: { env },
      load: (path: string) => runInContext(read(path), context, { filename: path }),
    });
    runInContext(read(`/scripts/${script}`), context, { filename: script });
  }
}

type Target = { kind: "node"; node: Node } | { kind: "mongos" };

class FakeConnection {
  constructor(
    private readonly cluster: FakeCluster,
    private readonly target: Target,
  ) {}

  getDB(name: string): FakeDb {
    return new FakeDb(this.cluster, this.target, name);
  }

  close(): void {}
}

class FakeDb {
  constructor(
    private readonly cluster: FakeCluster,
    private readonly target: Target,
    private readonly name: string,
  ) {}

  runCommand(cmd: Doc): Doc {
    return this.cluster.command(this.target, this.name, cmd);
  }

  getUser(user: string): { user: string; roles: User["roles"] } | null {
    const found = this.cluster.users(this.target).get(user);
    return found ? { user, roles: structuredClone(found.roles) } : null;
  }

  createUser(spec: { user: string; pwd: string; roles: User["roles"] }): void {
    this.cluster.userWrite(this.target, `createUser ${spec.user}`);
    this.cluster.users(this.target).set(spec.user, { password: spec.pwd, roles: spec.roles });
  }

  updateUser(user: string, update: { pwd?: string; roles?: User["roles"] }): void {
    this.cluster.userWrite(this.target, `updateUser ${user} ${Object.keys(update).join(",")}`);
    const current = this.cluster.users(this.target).get(user)!;
    this.cluster.users(this.target).set(user, { password: update.pwd ?? current.password, roles: update.roles ?? current.roles });
  }

  getCollection(collection: string) {
    const ns = `${this.name}.${collection}`;
    return {
      createIndex: (keys: Doc, options: Doc = {}) => this.cluster.createIndex(ns, keys, options),
      findOne: (query: { _id: string }) => {
        const key = this.cluster.sharded.get(query._id);
        return this.name === "config" && collection === "collections" && key ? { _id: query._id, key } : null;
      },
    };
  }
}
