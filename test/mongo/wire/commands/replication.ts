// The replica-set commands the chart's scripts run, with the rules of mongod they must
// respect: initiate once, on a node started with --replSet, with every member answering;
// reconfigure on the primary only, with a higher version, one voting member added or
// removed at a time and a majority of the new voters answering; step down to an electable
// secondary. The set elects after the cluster's election delay (state.ts).
import type { Document } from "bson";
import { STATE, STATE_NAMES, ReplicaSet, isVoter, majorityOf, normalizeConfig, type SetConfig } from "../state.ts";
import { CommandError, type Command, type Context } from "./context.ts";

const invalid = (message: string) => new CommandError(93, "InvalidReplicaSetConfig", message);
const incompatible = (message: string) => new CommandError(103, "NewReplicaSetConfigurationIncompatible", message);

function requireReplSet(ctx: Context): void {
  if (!ctx.node.replSet) throw new CommandError(76, "NoReplicationEnabled", "not running with --replSet");
}

function setOf(ctx: Context): ReplicaSet {
  requireReplSet(ctx);
  if (!ctx.node.set) throw new CommandError(94, "NotYetInitialized", "no replset config has been received");
  return ctx.node.set;
}

/** The checks mongod makes on any config (https://www.mongodb.com/docs/manual/reference/replica-configuration/). */
function validate(config: SetConfig, ctx: Context): void {
  const ids = new Set(config.members.map((m) => m._id));
  const hosts = new Set(config.members.map((m) => m.host));
  if (ids.size !== config.members.length || hosts.size !== config.members.length) throw invalid("Found two member configurations with the same _id or host field");
  for (const m of config.members) {
    if (m.hidden && m.priority !== 0) throw invalid(`priority must be 0 when hidden=true (member ${m.host})`);
    if (m.votes === 0 && m.priority !== 0) throw invalid(`priority must be 0 when non-voting (votes:0) (member ${m.host})`);
  }
  if (!config.members.some((m) => m.priority > 0 && isVoter(m))) throw invalid("This config has no electable members");
  if (!hosts.has(ctx.node.host)) throw invalid(`No host described in new configuration with {version: ${config.version}} for replica set ${config._id} maps to this node`);
  // --configsvr and configsvr: true go together (https://www.mongodb.com/docs/manual/reference/replica-configuration/#mongodb-rsconf-rsconf.configsvr).
  if (Boolean(config.configsvr) !== (ctx.node.role === "configsvr")) {
    throw invalid(config.configsvr ? "Nodes being used for config servers must be started with the --configsvr flag" : "Nodes started with the --configsvr flag must have configsvr:true in their config");
  }
}

const describe = (config: SetConfig) =>
  config.members.map((m) => `${m._id}=${m.host.split(".")[0]}/p${m.priority}/v${m.votes}${m.hidden ? "/h" : ""}`).join(" ");

export const replicationCommands: Record<string, Command> = {
  // https://www.mongodb.com/docs/manual/reference/command/replSetInitiate/ -> {ok: 1}; the
  // initiating node keeps its data (a standalone turned member), the others sync it.
  replSetInitiate: {
    access: "clusterAdmin",
    run: (command, ctx) => {
      requireReplSet(ctx);
      const { cluster, node } = ctx;
      if (node.set) throw new CommandError(23, "AlreadyInitialized", "already initialized");
      const given = command.replSetInitiate as Document;
      const config = normalizeConfig(typeof given === "object" ? given : { _id: node.replSet, members: [{ _id: 0, host: node.host }] }, 1, 0);
      if (config._id !== node.replSet) throw invalid(`Attempting to initiate a replica set with name ${config._id}, but command line reports ${node.replSet}; rejecting`);
      validate(config, ctx);
      for (const m of config.members) {
        const other = cluster.nodes.get(m.host);
        const problem = !other?.up ? "Connection refused" : other.replSet !== config._id ? `its replica set name is ${other.replSet ?? "none"}` : other.set ? "already in a replica set" : "";
        if (problem) throw new CommandError(74, "NodeNotFound", `replSetInitiate quorum check failed because not all proposed set members responded affirmatively: ${m.host} failed with ${problem}`);
      }
      const set = new ReplicaSet(cluster, config, node.data);
      cluster.sets.set(set.name, set);
      for (const m of config.members) cluster.nodes.get(m.host)!.set = set;
      cluster.log(`${set.name}: initiate on ${node.host} with ${describe(config)}`);
      set.electSoon();
      return { ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/replSetGetConfig/ -> {config: {...}, ok: 1}
  replSetGetConfig: {
    access: "clusterAdmin",
    run: (_command, ctx) => ({ config: structuredClone(setOf(ctx).config), ok: 1 }),
  },
  // https://www.mongodb.com/docs/manual/reference/command/replSetReconfig/ -> {ok: 1}. A term in the
  // given config is ignored: the primary sets it.
  replSetReconfig: {
    access: "clusterAdmin",
    run: (command, ctx) => {
      const set = setOf(ctx);
      const { cluster, node } = ctx;
      if (set.primary !== node.host) {
        throw new CommandError(10107, "NotWritablePrimary", `replSetReconfig should only be run on a writable PRIMARY. Current state ${STATE_NAMES[set.stateOf(node.host)]};`);
      }
      const given = command.replSetReconfig as Document;
      const version = Number(given.version);
      const next = normalizeConfig({ ...given, settings: { ...set.config.settings, ...(given.settings as Document | undefined) } }, version, set.config.term);
      if (next._id !== set.name) throw invalid(`New and old configurations differ in replica set name; old was ${set.name}, and new is ${next._id}`);
      if (!(version > set.config.version)) throw incompatible(`New replica set configuration version must be greater than old, but ${version} is not greater than ${set.config.version} for replica set ${set.name}`);
      if (Boolean(next.configsvr) !== Boolean(set.config.configsvr)) throw incompatible("Cannot change the configsvr field of a replica set's config");
      validate(next, ctx);
      for (const m of next.members) {
        const old = set.config.members.find((o) => o.host === m.host);
        if (old && old._id !== m._id) throw incompatible(`New and old configurations both have members with host of ${m.host} but in the new configuration the _id field is ${m._id} and in the old configuration it is ${old._id}`);
      }
      // Safe reconfig (MongoDB 4.4+): at most one voting member added or removed.
      const voters = (c: SetConfig) => new Set(c.members.filter(isVoter).map((m) => m._id));
      const [before, after] = [voters(set.config), voters(next)];
      const changedVoters = [...before].filter((id) => !after.has(id)).length + [...after].filter((id) => !before.has(id)).length;
      if (changedVoters > 1) throw incompatible("Non-force replica set reconfig can only add or remove at most 1 voting member.");
      const answering = next.members.filter((m) => isVoter(m) && cluster.nodes.get(m.host)?.up);
      const needed = majorityOf(next.members.filter(isVoter).length);
      if (answering.length < needed) {
        throw new CommandError(74, "NodeNotFound", `Quorum check failed because not enough voting nodes responded; required ${needed} but only the following ${answering.length} voting nodes responded: ${answering.map((m) => m.host).join(", ")}`);
      }
      for (const m of set.config.members) {
        const leaving = cluster.nodes.get(m.host);
        if (leaving && !next.members.some((n) => n.host === m.host)) leaving.set = undefined;
      }
      for (const m of next.members) {
        const joining = cluster.nodes.get(m.host);
        if (joining?.replSet === set.name) joining.set = set;
      }
      set.config = next;
      cluster.log(`${set.name}: reconfig to version ${version}: ${describe(next)}`);
      return { ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/replSetGetStatus/ -> {set, date, myState, term, members: [{_id, name, health, state, stateStr, self}], ok: 1}
  replSetGetStatus: {
    access: "clusterAdmin",
    run: (_command, ctx) => {
      const set = setOf(ctx);
      const members = set.config.members.map((m) => {
        const state = set.stateOf(m.host);
        const up = state !== STATE.DOWN;
        const self = m.host === ctx.node.host;
        const node = ctx.cluster.nodes.get(m.host);
        return {
          _id: m._id,
          name: m.host,
          health: up ? 1 : 0,
          state,
          stateStr: STATE_NAMES[state],
          uptime: up && node ? Math.floor((Date.now() - node.startedAt) / 1000) : 0,
          ...(self ? { self: true } : {}),
          configVersion: set.config.version,
          configTerm: set.config.term,
        };
      });
      return { set: set.name, date: new Date(), myState: set.stateOf(ctx.node.host), term: set.config.term, heartbeatIntervalMillis: 2000, members, ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/replSetStepDown/ -> {ok: 1}; not electable for replSetStepDown seconds.
  replSetStepDown: {
    access: "clusterAdmin",
    run: (command, ctx) => {
      const set = setOf(ctx);
      const { cluster, node } = ctx;
      if (set.primary !== node.host) throw new CommandError(10107, "NotWritablePrimary", "not primary so can't step down");
      const electable = set.config.members.some((m) => m.host !== node.host && isVoter(m) && m.priority > 0 && !m.hidden && cluster.nodes.get(m.host)?.up);
      if (!electable) throw new CommandError(262, "ExceededTimeLimit", "No electable secondaries caught up");
      node.steppedDownUntil = Date.now() + Number(command.replSetStepDown ?? 60) * 1000;
      set.primary = null;
      cluster.log(`${set.name}: ${node.host} stepped down`);
      set.electSoon();
      return { ok: 1 };
    },
  },
};
