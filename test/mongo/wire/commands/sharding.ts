// A mongos's sharding commands: addShard, listShards, enableSharding, shardCollection,
// kept in the config servers' catalog (state.ts). Each needs the config servers' primary.
import { ObjectId, UUID, type Document } from "bson";
import { addIndex } from "./collections.ts";
import { CommandError, dataOf, requireWritable, type Command } from "./context.ts";

const keyText = (key: Document) => JSON.stringify(key);

export const shardingCommands: Record<string, Command> = {
  // https://www.mongodb.com/docs/manual/reference/command/listShards/ -> {shards: [{_id, host, state, topologyTime}], ok: 1}
  listShards: {
    access: "clusterAdmin",
    run: (_command, ctx) => {
      requireWritable(ctx);
      return { shards: structuredClone(ctx.cluster.catalog.shards), ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/addShard/ {addShard: "<set>/<host>,...", name} ->
  // {shardAdded, ok: 1}. The set must answer, have a primary and run with --shardsvr; adding it again is a no-op.
  addShard: {
    access: "clusterAdmin",
    run: (command, ctx) => {
      requireWritable(ctx);
      const { cluster } = ctx;
      const [setName = "", seeds = ""] = String(command.addShard).split("/");
      const name = String(command.name ?? setName);
      const set = cluster.sets.get(setName);
      const reached = seeds.split(",").map((h) => cluster.nodes.get(h)).find((n) => n?.up && n.set === set);
      if (!set || !reached || !set.primary) throw new CommandError(133, "FailedToSatisfyReadPreference", `Could not find host matching read preference { mode: "primary" } for set ${setName}`);
      if (reached.role !== "shardsvr") throw new CommandError(96, "OperationFailed", `Cannot add ${String(command.addShard)} as a shard since it was not started with --shardsvr.`);
      const host = `${setName}/${set.hosts(false).join(",")}`;
      const present = cluster.catalog.shards.find((s) => s._id === name);
      if (present) {
        if (present.host.split("/")[0] !== setName) throw new CommandError(96, "OperationFailed", `A shard named ${name} already exists`);
        return { shardAdded: name, ok: 1 };
      }
      cluster.catalog.shards.push({ _id: name, host, state: 1, topologyTime: new Date() });
      cluster.log(`addShard ${name} ${host}`);
      return { shardAdded: name, ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/enableSharding/ -> {ok: 1}; needs a shard to be the database's primary.
  enableSharding: {
    access: "clusterAdmin",
    run: (command, ctx) => {
      requireWritable(ctx);
      const db = String(command.enableSharding);
      const { catalog } = ctx.cluster;
      if (catalog.shards.length === 0) throw new CommandError(70, "ShardNotFound", `Database ${db} could not be created :: caused by :: No shards found`);
      if (!catalog.databases.has(db)) {
        catalog.databases.add(db);
        ctx.cluster.log(`enableSharding ${db}`);
      }
      return { ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/shardCollection/ {shardCollection: ns, key} ->
  // {collectionsharded, ok: 1}. On an empty collection it creates the shard key's index when missing
  // (none holds documents here); the same key again is a no-op, another key is refused.
  shardCollection: {
    access: "clusterAdmin",
    run: (command, ctx) => {
      requireWritable(ctx);
      const ns = String(command.shardCollection);
      const key = command.key as Document;
      const { cluster } = ctx;
      if (!Object.values(key).every((v) => v === 1 || v === "hashed")) throw new CommandError(2, "BadValue", `Unsupported shard key pattern ${keyText(key)}`);
      const current = cluster.catalog.collections.get(ns);
      if (current) {
        if (keyText(current.key) === keyText(key)) return { collectionsharded: ns, ok: 1 };
        throw new CommandError(23, "AlreadyInitialized", `sharding already enabled for collection ${ns} with options ${keyText(current.key)}`);
      }
      const { collections } = dataOf(ctx);
      const indexes = collections.get(ns) ?? [{ v: 2, key: { _id: 1 }, name: "_id_" }];
      const prefixed = indexes.some((i) => keyText(Object.fromEntries(Object.entries(i.key).slice(0, Object.keys(key).length))) === keyText(key));
      if (!prefixed) {
        addIndex(indexes, { key, name: Object.entries(key).map(([k, v]) => `${k}_${String(v)}`).join("_") });
        cluster.log(`createIndex ${ns} ${keyText(key)} (for the shard key)`);
      }
      collections.set(ns, indexes);
      cluster.catalog.collections.set(ns, { _id: ns, key, unique: false, lastmodEpoch: new ObjectId(), uuid: new UUID() });
      cluster.log(`shardCollection ${ns} ${keyText(key)}`);
      return { collectionsharded: ns, ok: 1 };
    },
  },
};
