// The chart's mongosh scripts under the real client: the pinned npm mongosh runs them as
// the Jobs and probes run them (the rendered command, environment, config.json and
// /scripts; real-mongosh.ts), over TCP on 127.0.0.1, against FerretDB (ferretdb.ts) for
// what FerretDB implements: SCRAM logins (users, and the keyFile's __system), ping, hello,
// users without roles, unique and compound indexes. FerretDB has no replica-set or role
// commands, so the runs that need them are followed until they reach the first such
// command; the rest runs under the same client against the wire stand-in
// (jobs-over-the-wire.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Phase } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { freePort } from "../support/process.ts";
import { renderPhase } from "../render.ts";
import { requireFerretDb, startFerretDb, type FerretDb } from "./ferretdb.ts";
import { MongoshPods, mongoshEval, type Finished } from "./real-mongosh.ts";

const SECRET = "vendata-secrets";
const secret = (r: Rendered, key: string) => Buffer.from(r.find("Secret", SECRET).data?.[key] ?? "", "base64").toString();
/** The password of __system: the keyFile without whitespace, as mongod reads it (and lib.js sends it). */
const keyFilePassword = (r: Rendered) => secret(r, "MONGODB_KEYFILE").replace(/[\t-\r ]/g, "");
const systemUri = (r: Rendered, server: FerretDb) =>
  `mongodb://__system:${encodeURIComponent(keyFilePassword(r))}@${server.address}/?authSource=local&authMechanism=SCRAM-SHA-256&directConnection=true`;

/** A render whose mongo listens on `port` (every host in config.json and the probes say so). */
const renderOn = (phase: Phase, port: number) => renderPhase(phase, { set: { "mongo.port": port } });

interface Fixture {
  server: FerretDb;
  rendered: Rendered;
  pods: MongoshPods;
}

/**
 * FerretDB with the keyFile's __system as its only user (a mongod before the init Job),
 * started by the first test that asks and stopped after the describe block. Each test
 * asks, so without the FerretDB binary every one of them fails, naming the build command.
 */
function ferretDbFor(phase: Phase, replSetName?: string): () => Promise<Fixture> {
  let fixture: Promise<Fixture> | undefined;
  const start = async (): Promise<Fixture> => {
    requireFerretDb();
    const port = await freePort();
    const rendered = await renderOn(phase, port);
    const server = await startFerretDb({ setupUser: "__system", setupPassword: keyFilePassword(rendered), setupDatabase: "local", port, ...(replSetName ? { replSetName } : {}) });
    return { server, rendered, pods: new MongoshPods(rendered) };
  };
  afterAll(async () => {
    const started = await fixture?.catch(() => undefined);
    await started?.server.stop();
    started?.pods.remove();
  });
  return () => (fixture ??= start());
}

const show = (run: Finished) => `exit ${run.exitCode}${run.timedOut ? " (killed: time limit)" : ""} after ${run.ms} ms:\n${run.output}`;

describe("phase 1 (standalone) against FerretDB", () => {
  const fixture = ferretDbFor("phase1");

  it("startup, liveness and readiness probes pass: mongosh --quiet --norc --port <port> /scripts/ping.js and ready.js", async () => {
    const { server, pods } = await fixture();
    for (const which of ["startupProbe", "livenessProbe", "readinessProbe"] as const) {
      const run = await pods.probe("vendata-mongo", "mongod", which);
      console.log(`${which}: ${run.command.join(" ")}: exit ${run.exitCode} in ${run.ms} ms`);
      expect(run.command).toEqual(["mongosh", "--quiet", "--norc", "--port", String(server.port), which === "readinessProbe" ? "/scripts/ready.js" : "/scripts/ping.js"]);
      expect(run.exitCode, show(run)).toBe(0);
    }
  });

  it("init.js waits for the standalone, logs in with the keyFile as __system and asks to create root with role root, which FerretDB refuses (no roles)", async () => {
    const { pods } = await fixture();
    const run = await pods.runJob("vendata-mongo-init-1", 45_000);
    console.log(`init.js: ${show(run)}`);
    expect(run.timedOut, show(run)).toBe(false);
    expect(run.output).not.toMatch(/MongoNotConnectedError|Client must be connected/);
    // Unauthenticated, FerretDB would refuse createUser for want of a login; this refusal is
    // about the role, so the keyFile login and the lookup of the user went through.
    expect(run.output).toMatch(/createUser: support for field "roles".* is not implemented/);
    expect(run.exitCode).not.toBe(0);
  });

  it("indexes.js, as the application user, creates the unique users.email, users.role and the compound orders index; a second run changes nothing", async () => {
    const { server, rendered, pods } = await fixture();
    // The init Job would create the user (with readWrite, which FerretDB cannot hold).
    const app = secret(rendered, "MONGODB_PASSWORD");
    await mongoshEval(systemUri(rendered, server), `db.getSiblingDB("admin").createUser({ user: "vendata", pwd: ${JSON.stringify(app)}, roles: [] })`);
    const appUri = `mongodb://vendata:${encodeURIComponent(app)}@${server.address}/vendata_prod?authSource=admin`;
    const indexes = async () =>
      JSON.parse(await mongoshEval(appUri, `print(EJSON.stringify(["users", "orders"].map((c) => db.getCollection(c).getIndexes().map((i) => ({ key: i.key, name: i.name, unique: i.unique ?? false })))))`)) as unknown;

    const first = await pods.runJob("vendata-mongo-indexes", 45_000);
    console.log(`indexes.js: ${show(first)}`);
    expect(first.exitCode, show(first)).toBe(0);
    expect(first.output).toMatch(/users: index email_1 on \{"email":1\}/);
    const created = await indexes();
    expect(created).toEqual([
      [
        { key: { _id: 1 }, name: "_id_", unique: false },
        { key: { email: 1 }, name: "email_1", unique: true },
        { key: { role: 1 }, name: "role_1", unique: false },
      ],
      [
        { key: { _id: 1 }, name: "_id_", unique: false },
        { key: { userId: 1, createdAt: -1 }, name: "userId_1_createdAt_-1", unique: false },
      ],
    ]);
    // The unique index holds: a second user with the same email is refused (E11000).
    const duplicate = await mongoshEval(
      appUri,
      `db.users.insertOne({ email: "a@vendata.com.br" }); try { db.users.insertOne({ email: "a@vendata.com.br" }); print("inserted"); } catch (e) { print(e.code); }`,
    );
    expect(duplicate.trim()).toBe("11000");

    const second = await pods.runJob("vendata-mongo-indexes", 45_000);
    expect(second.exitCode, show(second)).toBe(0);
    expect(await indexes()).toEqual(created);
  });
});

describe("phase 2 (rs0) against FerretDB answering hello as rs0's primary", () => {
  const fixture = ferretDbFor("phase2", "rs0");

  it("readiness passes on a member that is rs0's writable primary", async () => {
    const { pods } = await fixture();
    const run = await pods.probe("vendata-mongo", "mongod", "readinessProbe");
    expect(run.exitCode, show(run)).toBe(0);
  });

  // Past hello, both need replSetGetConfig, which FerretDB lacks: each run is stopped once
  // it has failed on it the first time (it would retry 20 times, then fail).
  const firstConvergeFailure = /rs0: replSetGetConfig failed: .*no such command.*\(attempt 1 of 20\)/;

  it("init.js waits for each member, finds rs0 initiated and its primary, and asks for the set's config (the command named when it fails)", async () => {
    const { pods } = await fixture();
    const run = await pods.runJob("vendata-mongo-init-1", 45_000, firstConvergeFailure);
    console.log(`init.js: ${show(run)}`);
    expect(run.output, show(run)).toMatch(firstConvergeFailure);
    expect(run.output).not.toMatch(/initiating/);
  });

  it("scale-down.js reaches the set and asks for its config: it never passes without looking", async () => {
    const { pods } = await fixture();
    const run = await pods.runJob("vendata-mongo-scale-down", 45_000, firstConvergeFailure);
    console.log(`scale-down.js: ${show(run)}`);
    expect(run.output, show(run)).toMatch(firstConvergeFailure);
    expect(run.output).not.toMatch(/nothing to remove|can shrink/);
    expect(run.exitCode).not.toBe(0);
  });
});

describe("phase 1 -> 2: the scale-down hook before rs0 exists", () => {
  const fixture = ferretDbFor("phase2");

  it("scale-down.js finds the members answering outside any set and removes nothing (exit 0)", async () => {
    const { pods } = await fixture();
    const run = await pods.runJob("vendata-mongo-scale-down", 60_000);
    console.log(`scale-down.js: ${show(run)}`);
    expect(run.exitCode, show(run)).toBe(0);
    expect(run.output).toMatch(/rs0: its members answer but none is in the set yet \(not initiated\): nothing to remove/);
  });
});

describe("phase 2 with no member answering", () => {
  let pods: MongoshPods;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    pods = new MongoshPods(await renderOn("phase2", port));
  });
  afterAll(() => pods?.remove());

  it("the probes fail (non-zero exit)", async () => {
    for (const which of ["livenessProbe", "readinessProbe"] as const) {
      const run = await pods.probe("vendata-mongo", "mongod", which);
      expect(run.exitCode, show(run)).not.toBe(0);
      expect(run.output).toMatch(/ECONNREFUSED/);
    }
  });

  it("scale-down.js fails loudly (non-zero exit, naming the set) after a minute of asking, never 'nothing to remove'", { timeout: 180_000 }, async () => {
    const run = await pods.runJob("vendata-mongo-scale-down", 150_000);
    console.log(`scale-down.js: ${show(run)}`);
    expect(run.timedOut, show(run)).toBe(false);
    expect(run.exitCode, show(run)).not.toBe(0);
    expect(run.output).toMatch(/rs0: no member answers, so the hook cannot check .*vendata-mongo-0\..*ECONNREFUSED/);
    expect(run.output).not.toMatch(/nothing to remove|can shrink/);
  });
});
