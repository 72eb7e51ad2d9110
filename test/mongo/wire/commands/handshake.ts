// What a client asks before and beside its work: hello (and its legacy form isMaster),
// buildInfo, getParameter, getLog, ping, endSessions, connectionStatus, getCmdLineOpts.
import type { Document } from "bson";
import { STATE } from "../state.ts";
import { CommandError, type Command, type Context } from "./context.ts";

export const MONGOD_VERSION = "7.0.28";
// MongoDB 7.0's wire version (https://www.mongodb.com/docs/manual/reference/command/hello/#mongodb-data-hello.maxWireVersion).
const MAX_WIRE_VERSION = 21;

/** The part of hello that says what this node is: standalone, mongos, or a member of a set (in which state). */
function topology(ctx: Context, writableField: string): Document {
  const { node } = ctx;
  if (node.mongosOf) return { [writableField]: true, msg: "isdbgrid" };
  if (!node.replSet) return { [writableField]: true };
  const set = node.set;
  if (!set) return { [writableField]: false, secondary: false, info: "Does not have a valid replica set config", isreplicaset: true };
  const member = set.member(node.host)!;
  const state = set.stateOf(node.host);
  const passives = set.hosts(true);
  return {
    hosts: set.hosts(false),
    ...(passives.length > 0 ? { passives } : {}),
    setName: set.name,
    setVersion: set.config.version,
    [writableField]: state === STATE.PRIMARY,
    secondary: state === STATE.SECONDARY,
    ...(set.primary ? { primary: set.primary } : {}),
    ...(member.hidden ? { hidden: true } : {}),
    ...(member.priority === 0 ? { passive: true } : {}),
    me: node.host,
    ...(state === STATE.PRIMARY ? { electionId: set.electionId() } : {}),
  };
}

/**
 * https://www.mongodb.com/docs/manual/reference/command/hello/ (and
 * https://www.mongodb.com/docs/manual/reference/command/isMaster/, whose writable field is
 * `ismaster`, asked by the driver's first handshake over OP_QUERY): the node's role, its limits and wire versions; the
 * mechanisms of the user named in saslSupportedMechs ("db.user"); helloOk when asked.
 * No topologyVersion: the driver then polls instead of streaming hello (exhaust).
 */
function hello(writableField: string): Command {
  return {
    access: "anyone",
    run: (command, ctx) => {
      const reply: Document = {
        ...topology(ctx, writableField),
        maxBsonObjectSize: 16 * 1024 * 1024,
        maxMessageSizeBytes: 48_000_000,
        maxWriteBatchSize: 100_000,
        localTime: new Date(),
        logicalSessionTimeoutMinutes: 30,
        connectionId: ctx.session.connectionId,
        minWireVersion: 0,
        maxWireVersion: MAX_WIRE_VERSION,
        readOnly: false,
      };
      if (typeof command.saslSupportedMechs === "string") {
        const known = command.saslSupportedMechs === "local.__system" || ctx.cluster.dataOf(ctx.node)?.users.has(command.saslSupportedMechs);
        // This stand-in stores SCRAM-SHA-256 credentials only (createUser's mechanisms: ["SCRAM-SHA-256"]).
        reply.saslSupportedMechs = known ? ["SCRAM-SHA-256"] : [];
      }
      if (command.helloOk === true) reply.helloOk = true;
      return { ...reply, ok: 1 };
    },
  };
}

// https://www.mongodb.com/docs/manual/reference/command/getParameter/
const PARAMETERS: Document = { featureCompatibilityVersion: { version: "7.0" }, authenticationMechanisms: ["SCRAM-SHA-256"], scramSHA256IterationCount: 15000 };

export const handshakeCommands: Record<string, Command> = {
  hello: hello("isWritablePrimary"),
  isMaster: hello("ismaster"),
  ismaster: hello("ismaster"),
  // https://www.mongodb.com/docs/manual/reference/command/buildInfo/
  buildInfo: {
    access: "anyone",
    run: () => ({
      version: MONGOD_VERSION,
      gitVersion: "0000000000000000000000000000000000000000",
      versionArray: [...MONGOD_VERSION.split(".").map(Number), 0],
      bits: 64,
      debug: false,
      maxBsonObjectSize: 16 * 1024 * 1024,
      javascriptEngine: "mozjs",
      storageEngines: ["devnull", "wiredTiger"],
      modules: [],
      openssl: { running: "disabled", compiled: "disabled" },
      buildEnvironment: {},
      ok: 1,
    }),
  },
  // https://www.mongodb.com/docs/manual/reference/command/getParameter/: the parameters named with a truthy value.
  getParameter: {
    access: "authenticated",
    run: (command) => {
      const names = Object.keys(command).filter((k) => k !== "getParameter" && !k.startsWith("$") && k !== "lsid" && command[k]);
      const found = names.filter((n) => n in PARAMETERS);
      if (found.length === 0) throw new CommandError(72, "InvalidOptions", "no option found to get");
      return { ...Object.fromEntries(found.map((n) => [n, PARAMETERS[n]])), ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/getLog/: no startup warnings here.
  getLog: {
    access: "authenticated",
    run: (command) => (command.getLog === "*" ? { names: ["global", "startupWarnings"], ok: 1 } : { totalLinesWritten: 0, log: [], ok: 1 }),
  },
  // https://www.mongodb.com/docs/manual/reference/command/ping/: needs no login (the liveness probe relies on it).
  ping: { access: "anyone", run: () => ({ ok: 1 }) },
  // https://www.mongodb.com/docs/manual/reference/command/endSessions/: sessions are not kept here.
  endSessions: { access: "anyone", run: () => ({ ok: 1 }) },
  // https://www.mongodb.com/docs/manual/reference/command/connectionStatus/
  connectionStatus: {
    access: "anyone",
    run: (_command, ctx) => {
      const user = ctx.session.user;
      return { authInfo: { authenticatedUsers: user ? [{ user: user.user, db: user.db }] : [], authenticatedUserRoles: user?.roles ?? [] }, ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/getCmdLineOpts/
  getCmdLineOpts: {
    access: "clusterAdmin",
    run: (_command, ctx) => {
      const { node } = ctx;
      const replication = node.replSet ? { replication: { replSet: node.replSet } } : {};
      const sharding = node.role ? { sharding: { clusterRole: node.role } } : {};
      return { argv: [node.mongosOf ? "mongos" : "mongod"], parsed: { net: { port: node.port }, ...replication, ...sharding }, ok: 1 };
    },
  },
};
