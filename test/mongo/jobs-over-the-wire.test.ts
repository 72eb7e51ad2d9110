// The chart's Jobs under the real client against the wire stand-in (wire/): the pinned npm
// mongosh runs init.js, scale-down.js and indexes.js as the Jobs run them (rendered
// command, environment, config.json and /scripts; real-mongosh.ts), over TCP, against
// stand-in mongod and mongos instances on 127.x addresses that play the replica sets, so
// the driver's discovery, SCRAM logins and the replica-set rules run for real. What each
// run changed is read from the stand-in's log of writes: a second run must change nothing.
import { describe, expect, it, onTestFinished } from "vitest";
import type { Phase } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { freePortOnAll } from "../support/process.ts";
import { renderPhase } from "../render.ts";
import { jobConfig, podHost, type JobConfig } from "./job-config.ts";
import { MongoshPods, mongoshEval, type Finished, type RunOptions } from "./real-mongosh.ts";
import { WireDeployment } from "./wire/deployment.ts";
import type { ReplicaSet } from "./wire/state.ts";

const SECRET = "vendata-secrets";
const secret = (r: Rendered, key: string) => Buffer.from(r.find("Secret", SECRET).data?.[key] ?? "", "base64").toString();
const JOB_MS = 150_000;
const TEST_MS = 400_000;

const show = (run: Finished) => `exit ${run.exitCode}${run.timedOut ? " (killed: time limit)" : ""} after ${run.ms} ms:\n${run.output}`;

/** One deployment of stand-ins that lives through several renders (upgrades), on one port. */
class Scenario {
  private readonly pods: MongoshPods[] = [];

  private constructor(
    readonly port: number,
    readonly deployment: WireDeployment,
  ) {}

  static async create(): Promise<Scenario> {
    // The probes connect to 127.0.0.1: the port must be free there too (one node also listens there).
    const port = await freePortOnAll(["127.0.0.1"]);
    const first = await renderPhase("phase1", { set: { "mongo.port": port } });
    return new Scenario(port, await WireDeployment.create(port, secret(first, "MONGODB_KEYFILE")));
  }

  /** Pod i of the mongo StatefulSet as config.json names it (host:port). */
  member(i: number): string {
    return podHost("mongo", i).replace(/:27017$/, `:${this.port}`);
  }

  get cluster() {
    return this.deployment.cluster;
  }

  set(name: string): ReplicaSet {
    const set = this.cluster.sets.get(name);
    if (!set) throw new Error(`no replica set ${name}; events:\n${this.cluster.events.join("\n")}`);
    return set;
  }

  /** A render on the scenario's port, its config.json and its pods (the Jobs, the probes). */
  async render(phase: Phase, values?: object): Promise<{ rendered: Rendered; config: JobConfig; pods: MongoshPods }> {
    const rendered = await renderPhase(phase, { set: { "mongo.port": this.port }, ...(values ? { values } : {}) });
    const config = jobConfig(rendered);
    this.deployment.plan(config);
    // Pods of earlier renders still run (and resolve) until the StatefulSet removes them.
    const pods = new MongoshPods(rendered, this.deployment.addressOf, this.deployment.names());
    this.pods.push(pods);
    return { rendered, config, pods };
  }

  /** Runs a Job to its end; returns the run and the writes it made. */
  async job(pods: MongoshPods, job: string, options: RunOptions = {}): Promise<{ run: Finished; writes: string[] }> {
    const before = this.cluster.writes.length;
    const run = await pods.runJob(job, JOB_MS, options);
    const writes = this.cluster.writes.slice(before);
    console.log(`${job}: exit ${run.exitCode} in ${run.ms} ms, ${writes.length} writes${writes.map((w) => `\n  ${w}`).join("")}`);
    return { run, writes };
  }

  /** A Job that must succeed; its writes. */
  async succeed(pods: MongoshPods, job: string, options: RunOptions = {}): Promise<string[]> {
    const { run, writes } = await this.job(pods, job, options);
    expect(run.exitCode, `${show(run)}\nstand-in events:\n${this.cluster.events.slice(-40).join("\n")}`).toBe(0);
    return writes;
  }

  async close(): Promise<void> {
    await this.deployment.close();
    for (const pods of this.pods) pods.remove();
  }
}

/** A scenario for this test, closed (every stand-in stopped) when the test ends. */
async function start(): Promise<Scenario> {
  let scenario: Scenario | undefined;
  // Registered before the first await: the hook belongs to the test that is running now.
  onTestFinished(() => scenario?.close());
  scenario = await Scenario.create();
  return scenario;
}

const host = (i: number) => podHost("mongo", i).replace(/:27017$/, "");
const memberHosts = (set: ReplicaSet) => set.config.members.map((m) => m.host.replace(/:\d+$/, ""));
const ROOT = "createUser admin@admin root@admin";
const APP = "createUser vendata@admin readWrite@vendata_prod";
const BACKUP = "createUser backup@admin backup@admin";
const METRICS = "createUser metrics@admin clusterMonitor@admin,read@local";
/** The users init.js creates where clients log in (standalone, rs0, the config servers), with exactly these roles. */
const CLUSTER_USERS = {
  "admin.admin": [{ role: "root", db: "admin" }],
  "admin.vendata": [{ role: "readWrite", db: "vendata_prod" }],
  "admin.backup": [{ role: "backup", db: "admin" }],
  "admin.metrics": [{ role: "clusterMonitor", db: "admin" }, { role: "read", db: "local" }],
};
const rolesOf = (users: Map<string, { roles: unknown }>) => Object.fromEntries([...users].map(([key, u]) => [key, u.roles]));
const INDEXES = [
  /^createIndex vendata_prod\.users \{"email":1\} \{"unique":true\}$/,
  /^createIndex vendata_prod\.users \{"role":1\} \{\}$/,
  /^createIndex vendata_prod\.orders \{"userId":1,"createdAt":-1\} \{\}$/,
];
const indexWrites = (writes: string[]) => writes.filter((w) => w.startsWith("createIndex vendata_prod.users") || w.startsWith("createIndex vendata_prod.orders"));

/**
 * Whether `user` logs in with `password` and runs `script` (default: a ping) through the
 * set (or the standalone) the app URI names, or directly on `host` (a shard's member, as
 * its exporter connects).
 */
async function logsIn(config: JobConfig, port: number, deployment: WireDeployment, user: string, password: string, options: { host?: string; script?: string } = {}): Promise<boolean> {
  // The test runs outside the pods' /etc/hosts: it names the members by their addresses.
  const address = (h: string) => `${deployment.addressOf(h.replace(/:\d+$/, ""))}:${port}`;
  const direct = options.host || !config.app.options.includes("replicaSet=") ? "&directConnection=true" : "";
  const uri = `mongodb://${user}:${encodeURIComponent(password)}@${address(options.host ?? config.app.hosts[0]!)}/?authSource=admin&serverSelectionTimeoutMS=5000${direct}`;
  return mongoshEval(uri, options.script ?? "db.adminCommand({ ping: 1 })").then(
    () => true,
    () => false,
  );
}

const CREATE_USER = `db.getSiblingDB("admin").createUser({ user: "intruder", pwd: "IntruderPassword0000", roles: ["root"] })`;

/** The backup's and the exporter's users log in with their passwords from the Secret, and cannot manage users. */
async function expectOwnUsersLogIn(config: JobConfig, port: number, deployment: WireDeployment, rendered: Rendered): Promise<void> {
  for (const [user, key] of [["backup", "MONGODB_BACKUP_PASSWORD"], ["metrics", "MONGODB_METRICS_PASSWORD"]] as const) {
    expect(await logsIn(config, port, deployment, user, secret(rendered, key)), user).toBe(true);
    expect(await logsIn(config, port, deployment, user, secret(rendered, key), { script: CREATE_USER }), `${user} creating a user`).toBe(false);
  }
}

describe("phase 1 (standalone)", () => {
  it("init.js creates root (root on admin), the application user (readWrite on vendata_prod), the backup's (backup) and the exporter's (clusterMonitor, read on local), indexes.js the three indexes; second runs of both write nothing", { timeout: TEST_MS }, async () => {
    const s = await start();
    const { rendered, config, pods } = await s.render("phase1");
    await s.deployment.startFor(config);

    expect(await s.succeed(pods, "vendata-mongo-init-1")).toEqual([ROOT, APP, BACKUP, METRICS]);
    const users = s.deployment.node(config.standalone!).data.users;
    expect(rolesOf(users)).toEqual(CLUSTER_USERS);
    expect(await logsIn(config, s.port, s.deployment, "vendata", secret(rendered, "MONGODB_PASSWORD"))).toBe(true);
    await expectOwnUsersLogIn(config, s.port, s.deployment, rendered);

    const indexes = await s.succeed(pods, "vendata-mongo-indexes");
    expect(indexes).toHaveLength(3);
    INDEXES.forEach((pattern, i) => expect(indexes[i]).toMatch(pattern));

    expect(await s.succeed(pods, "vendata-mongo-init-1")).toEqual([]);
    expect(await s.succeed(pods, "vendata-mongo-indexes")).toEqual([]);
  });

  it("upgrading a release whose earlier version made only root and the application user: init.js adds the backup's and the exporter's users and changes nothing else", { timeout: TEST_MS }, async () => {
    const s = await start();
    const { rendered, config, pods } = await s.render("phase1");
    await s.deployment.startFor(config);
    await s.succeed(pods, "vendata-mongo-init-1");
    // What the earlier version's init Job left.
    const users = s.deployment.node(config.standalone!).data.users;
    for (const key of ["admin.backup", "admin.metrics"]) users.delete(key);

    expect(await s.succeed(pods, "vendata-mongo-init-1")).toEqual([BACKUP, METRICS]);
    expect(rolesOf(users)).toEqual(CLUSTER_USERS);
    await expectOwnUsersLogIn(config, s.port, s.deployment, rendered);
    // The script they are refused runs for root: they are refused for want of a role, not for a broken script.
    expect(await logsIn(config, s.port, s.deployment, "admin", secret(rendered, "MONGODB_ROOT_PASSWORD"), { script: CREATE_USER })).toBe(true);
  });
});

describe("phase 1 -> 2 in place", () => {
  it("the pre-upgrade hook removes nothing; the standalone, restarted with --replSet rs0, becomes rs0's primary keeping its users and indexes; members 1 and 2 join", { timeout: TEST_MS }, async () => {
    const s = await start();
    const one = await s.render("phase1");
    await s.deployment.startFor(one.config);
    await s.succeed(one.pods, "vendata-mongo-init-1");
    await s.succeed(one.pods, "vendata-mongo-indexes");

    const two = await s.render("phase2");
    // helm upgrade: the hook runs first, while the StatefulSet still runs the standalone alone.
    const hook = await s.job(two.pods, "vendata-mongo-scale-down");
    expect(hook.run.exitCode, show(hook.run)).toBe(0);
    expect(hook.run.output).toMatch(/rs0: its members answer but none is in the set yet \(not initiated\): nothing to remove/);
    expect(hook.writes).toEqual([]);

    // Then the StatefulSet restarts pod 0 with --replSet rs0 and adds pods 1 and 2.
    await s.deployment.restart(s.member(0), (node) => (node.replSet = "rs0"));
    await s.deployment.startFor(two.config);
    const init = await s.succeed(two.pods, "vendata-mongo-init-1");
    expect(init).toEqual([expect.stringMatching(new RegExp(`^rs0: initiate on ${host(0)}:\\d+ with 0=vendata-mongo-0/p1/v1 1=vendata-mongo-1/p1/v1 2=vendata-mongo-2/p1/v1$`))]);
    const rs0 = s.set("rs0");
    expect(rs0.primary).toMatch(new RegExp(`^${host(0)}:`));
    expect(rolesOf(rs0.data.users)).toEqual(CLUSTER_USERS);
    expect(await logsIn(two.config, s.port, s.deployment, "vendata", secret(two.rendered, "MONGODB_PASSWORD"))).toBe(true);
    expect(await s.succeed(two.pods, "vendata-mongo-indexes")).toEqual([]);
  });
});

describe("phase 2 (rs0)", () => {
  it("readiness fails on a member outside the set; init.js initiates rs0 once, waits out the election, creates the four users on the primary; then readiness passes on a secondary and a second run writes nothing", { timeout: TEST_MS }, async () => {
    const s = await start();
    const { rendered, config, pods } = await s.render("phase2");
    // Member 1 also listens on 127.0.0.1, where the probes' `mongosh --port <port>` connects.
    await s.deployment.startFor(config, { localhost: s.member(1) });

    const before = await pods.probe("vendata-mongo", "mongod", "readinessProbe");
    expect(before.exitCode, show(before)).toBe(1);
    expect(before.output).toMatch(/not ready: not in the replica set yet/);
    const live = await pods.probe("vendata-mongo", "mongod", "livenessProbe");
    expect(live.exitCode, show(live)).toBe(0);

    const writes = await s.succeed(pods, "vendata-mongo-init-1");
    expect(writes).toEqual([expect.stringMatching(/^rs0: initiate on vendata-mongo-0\..* with 0=vendata-mongo-0\/p1\/v1 1=vendata-mongo-1\/p1\/v1 2=vendata-mongo-2\/p1\/v1$/), ROOT, APP, BACKUP, METRICS]);
    // The users were created after the election, which the stand-in holds a delay after initiation.
    const elected = s.cluster.events.findIndex((e) => / elected primary in term 1$/.test(e));
    const created = s.cluster.events.findIndex((e) => e.endsWith(ROOT));
    expect(elected).toBeGreaterThan(-1);
    expect(created).toBeGreaterThan(elected);
    const rs0 = s.set("rs0");
    expect(memberHosts(rs0)).toEqual([0, 1, 2].map(host));
    expect(rolesOf(rs0.data.users)).toEqual(CLUSTER_USERS);

    const ready = await pods.probe("vendata-mongo", "mongod", "readinessProbe");
    expect(ready.exitCode, show(ready)).toBe(0);
    expect(rs0.stateOf(s.member(1))).toBe(2);

    expect(await s.succeed(pods, "vendata-mongo-init-1")).toEqual([]);
    expect(await logsIn(config, s.port, s.deployment, "vendata", secret(rendered, "MONGODB_PASSWORD"))).toBe(true);
    await expectOwnUsersLogIn(config, s.port, s.deployment, rendered);

    // The application user, through the set's primary, creates the indexes; once.
    const indexes = indexWrites(await s.succeed(pods, "vendata-mongo-indexes"));
    INDEXES.forEach((pattern, i) => expect(indexes[i]).toMatch(pattern));
    expect(indexes).toHaveLength(3);
    expect(await s.succeed(pods, "vendata-mongo-indexes")).toEqual([]);
  });

  it("growing to 5 adds members 3 and 4, one reconfig each; a rotated MONGODB_PASSWORD then updates only the application user's password, rotated backup and metrics passwords only theirs", { timeout: TEST_MS }, async () => {
    const s = await start();
    const three = await s.render("phase2");
    await s.deployment.startFor(three.config);
    await s.succeed(three.pods, "vendata-mongo-init-1");

    const five = await s.render("phase2", { mongo: { replicaSet: { replicas: 5 } } });
    await s.deployment.startFor(five.config);
    const grown = await s.succeed(five.pods, "vendata-mongo-init-1");
    expect(grown).toEqual([
      expect.stringMatching(/^rs0: reconfig to version 2: .* 2=vendata-mongo-2\/p1\/v1 3=vendata-mongo-3\/p1\/v1$/),
      expect.stringMatching(/^rs0: reconfig to version 3: .* 3=vendata-mongo-3\/p1\/v1 4=vendata-mongo-4\/p1\/v1$/),
    ]);
    expect(memberHosts(s.set("rs0"))).toEqual([0, 1, 2, 3, 4].map(host));

    const rotated = "RotatedFakePasswordForTestsOnly0000";
    expect(await s.succeed(five.pods, "vendata-mongo-init-1", { env: { MONGODB_PASSWORD: rotated } })).toEqual(["updateUser vendata@admin pwd"]);
    expect(await logsIn(five.config, s.port, s.deployment, "vendata", rotated)).toBe(true);
    expect(await logsIn(five.config, s.port, s.deployment, "vendata", secret(five.rendered, "MONGODB_PASSWORD"))).toBe(false);
    expect(await s.succeed(five.pods, "vendata-mongo-init-1", { env: { MONGODB_PASSWORD: rotated } })).toEqual([]);

    // The backup's and the exporter's passwords rotate the same way.
    const env = { MONGODB_PASSWORD: rotated, MONGODB_BACKUP_PASSWORD: `${rotated}Backup`, MONGODB_METRICS_PASSWORD: `${rotated}Metrics` };
    expect(await s.succeed(five.pods, "vendata-mongo-init-1", { env })).toEqual(["updateUser backup@admin pwd", "updateUser metrics@admin pwd"]);
    expect(await logsIn(five.config, s.port, s.deployment, "backup", env.MONGODB_BACKUP_PASSWORD)).toBe(true);
    expect(await logsIn(five.config, s.port, s.deployment, "metrics", env.MONGODB_METRICS_PASSWORD)).toBe(true);
    expect(await logsIn(five.config, s.port, s.deployment, "metrics", secret(five.rendered, "MONGODB_METRICS_PASSWORD"))).toBe(false);
    expect(await s.succeed(five.pods, "vendata-mongo-init-1", { env })).toEqual([]);
  });

  it("shrinking 5 to 3: the pre-upgrade hook removes members 4 then 3, stepping down a departing primary first; a second run and init.js with 3 write nothing", { timeout: TEST_MS }, async () => {
    const s = await start();
    const five = await s.render("phase2", { mongo: { replicaSet: { replicas: 5 } } });
    await s.deployment.startFor(five.config);
    await s.succeed(five.pods, "vendata-mongo-init-1");
    // As an election may leave any member primary: member 4, which is to leave.
    s.set("rs0").makePrimary(s.member(4));

    const three = await s.render("phase2");
    const removed = await s.succeed(three.pods, "vendata-mongo-scale-down");
    expect(removed).toEqual([
      expect.stringMatching(/^rs0: reconfig to version 2: .* 4=vendata-mongo-4\/p0\/v1$/),
      expect.stringMatching(/^rs0: vendata-mongo-4\..* stepped down$/),
      expect.stringMatching(/^rs0: reconfig to version 3: 0=vendata-mongo-0\/p1\/v1 1=vendata-mongo-1\/p1\/v1 2=vendata-mongo-2\/p1\/v1 3=vendata-mongo-3\/p1\/v1$/),
      expect.stringMatching(/^rs0: reconfig to version 4: 0=vendata-mongo-0\/p1\/v1 1=vendata-mongo-1\/p1\/v1 2=vendata-mongo-2\/p1\/v1$/),
    ]);
    expect(s.set("rs0").primary).not.toMatch(/vendata-mongo-4/);
    expect(await s.succeed(three.pods, "vendata-mongo-scale-down")).toEqual([]);
    // The StatefulSet then removes pods 3 and 4.
    for (const i of [3, 4]) await s.deployment.stop(s.member(i));
    expect(await s.succeed(three.pods, "vendata-mongo-init-1")).toEqual([]);
  });

  it("the pre-upgrade hook retries while the set has no primary (an election that outlasts the driver's 15 s wait), then removes members 4 and 3", { timeout: TEST_MS }, async () => {
    const s = await start();
    const five = await s.render("phase2", { mongo: { replicaSet: { replicas: 5 } } });
    await s.deployment.startFor(five.config);
    await s.succeed(five.pods, "vendata-mongo-init-1");
    const rs0 = s.set("rs0");
    rs0.withoutPrimary();

    const three = await s.render("phase2");
    // The election succeeds only once the hook has failed to find a primary and said it retries.
    const onOutput = (output: string) => /\(attempt 1 of 20\)/.test(output) && rs0.allowElections();
    const { run, writes } = await s.job(three.pods, "vendata-mongo-scale-down", { onOutput });
    expect(run.exitCode, show(run)).toBe(0);
    expect(run.output).toMatch(/rs0: Server selection timed out .*\(attempt 1 of 20\)/);
    expect(writes).toEqual([expect.stringMatching(/^rs0: reconfig to version 2: .* 3=vendata-mongo-3\/p1\/v1$/), expect.stringMatching(/^rs0: reconfig to version 3: .* 2=vendata-mongo-2\/p1\/v1$/)]);
  });

  it("the pre-upgrade hook refuses to shrink 3 to 1 while member 1 is down (the rest would lack a majority): it fails, naming why, and changes nothing", { timeout: TEST_MS }, async () => {
    const s = await start();
    const three = await s.render("phase2");
    await s.deployment.startFor(three.config);
    await s.succeed(three.pods, "vendata-mongo-init-1");
    await s.deployment.stop(s.member(1));

    const one = await s.render("phase2", { mongo: { replicaSet: { replicas: 1 } } });
    const { run, writes } = await s.job(one.pods, "vendata-mongo-scale-down");
    expect(run.exitCode, show(run)).not.toBe(0);
    expect(run.output).toMatch(/refusing to remove vendata-mongo-2\.\S+ from replica set rs0: 1 of the 2 voting members that would stay are healthy/);
    expect(writes).toEqual([]);
    expect(s.set("rs0").config.members).toHaveLength(3);
  });
});

describe("phase 4 (sharded)", () => {
  it("init.js forms the config servers and both shards with their us-east members, the users (the exporter's on the shards too), registers the shards through mongos and shards orders on a hashed userId; indexes.js runs through mongos; second runs write nothing", { timeout: TEST_MS }, async () => {
    const s = await start();
    const { rendered, config, pods } = await s.render("phase4");
    await s.deployment.startFor(config);

    const writes = await s.succeed(pods, "vendata-mongo-init-1");
    for (const name of ["cfg", "shard0", "shard1"]) {
      const set = s.set(name);
      expect(set.config.members.map((m) => m.priority), name).toEqual([2, 2, 2, 1, 1]);
      expect(set.config.members.filter((m) => m.host.includes(".us-east.")), name).toHaveLength(2);
      expect(set.primary, name).toMatch(/\.sa-east\./);
    }
    expect(s.set("cfg").config.configsvr).toBe(true);
    expect(rolesOf(s.set("cfg").data.users)).toEqual(CLUSTER_USERS);
    // A shard's members have their own users: root, and the exporter's (it connects to its mongod directly).
    for (const shard of ["shard0", "shard1"]) expect(rolesOf(s.set(shard).data.users), shard).toEqual({ "admin.admin": CLUSTER_USERS["admin.admin"], "admin.metrics": CLUSTER_USERS["admin.metrics"] });
    const shardMember = config.sets.find((set) => set.name === "shard1")!.members[0]!.host;
    expect(await logsIn(config, s.port, s.deployment, "metrics", secret(rendered, "MONGODB_METRICS_PASSWORD"), { host: shardMember })).toBe(true);
    expect(s.cluster.catalog.shards.map((sh) => sh._id)).toEqual(["shard0", "shard1"]);
    expect(Object.fromEntries([...s.cluster.catalog.collections].map(([ns, c]) => [ns, c.key]))).toEqual({ "vendata_prod.orders": { userId: "hashed" } });
    expect(writes.filter((w) => w.startsWith("addShard") || w.startsWith("shardCollection") || w.startsWith("enableSharding"))).toEqual([
      expect.stringMatching(/^addShard shard0 shard0\/vendata-mongo-shard0-0\./),
      expect.stringMatching(/^addShard shard1 shard1\/vendata-mongo-shard1-0\./),
      "enableSharding vendata_prod",
      'shardCollection vendata_prod.orders {"userId":"hashed"}',
    ]);

    // The backup's and the mongos exporter's path: through mongos, against the config servers' users.
    await expectOwnUsersLogIn(config, s.port, s.deployment, rendered);

    expect(indexWrites(await s.succeed(pods, "vendata-mongo-indexes"))).toHaveLength(3);
    expect(await s.succeed(pods, "vendata-mongo-init-1")).toEqual([]);
    expect(await s.succeed(pods, "vendata-mongo-indexes")).toEqual([]);
  });
});
