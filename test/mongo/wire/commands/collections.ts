// Collections and indexes: createIndexes, listIndexes, listCollections, and find over the
// sharding catalog (config.collections, config.shards, config.databases) that the scripts
// read. Documents of the application's collections are not kept: no script writes any.
import { Long, type Document } from "bson";
import type { Index } from "../state.ts";
import { CommandError, dataOf, requireWritable, type Command, type Context } from "./context.ts";

const ID_INDEX: Index = { v: 2, key: { _id: 1 }, name: "_id_" };
const sameKey = (a: Document, b: Document) => JSON.stringify(a) === JSON.stringify(b);
/** An index's options: everything but its version, key and name. */
const optionsOf = (index: Document) => JSON.stringify(Object.fromEntries(Object.entries(index).filter(([k]) => !["v", "key", "name"].includes(k)).sort()));

const cursor = (ns: string, firstBatch: Document[]) => ({ cursor: { id: Long.fromNumber(0), ns, firstBatch }, ok: 1 });

/** Creates the index unless one with the same name, key and options exists; the conflicts mongod reports otherwise. Returns whether it was created. */
export function addIndex(indexes: Index[], spec: Document): boolean {
  const key = spec.key as Document;
  const name = String(spec.name);
  const index: Index = { ...spec, v: 2, key, name };
  const byName = indexes.find((i) => i.name === name);
  if (byName) {
    if (sameKey(byName.key, key) && optionsOf(byName) === optionsOf(index)) return false;
    throw new CommandError(86, "IndexKeySpecsConflict", `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(index)}, existing index: ${JSON.stringify(byName)}`);
  }
  const byKey = indexes.find((i) => sameKey(i.key, key) && optionsOf(i) === optionsOf(index));
  if (byKey) throw new CommandError(85, "IndexOptionsConflict", `Index already exists with a different name: ${byKey.name}`);
  indexes.push(index);
  return true;
}

function catalogDocuments(ctx: Context, collection: string): Document[] {
  const { catalog } = ctx.cluster;
  if (collection === "collections") return [...catalog.collections.values()];
  if (collection === "shards") return catalog.shards;
  if (collection === "databases") return [...catalog.databases].map((name) => ({ _id: name, primary: catalog.shards[0]?._id, partitioned: false }));
  return [];
}

/** find's filter, for equality on top-level fields (all the scripts use). */
const matches = (doc: Document, filter: Document) => Object.entries(filter).every(([k, v]) => JSON.stringify(doc[k]) === JSON.stringify(v));

export const collectionCommands: Record<string, Command> = {
  // https://www.mongodb.com/docs/manual/reference/command/createIndexes/ -> {numIndexesBefore,
  // numIndexesAfter, createdCollectionAutomatically, commitQuorum, ok: 1}, or with note "all indexes already exist".
  createIndexes: {
    access: "readWrite",
    run: (command, ctx) => {
      requireWritable(ctx);
      const ns = `${ctx.db}.${String(command.createIndexes)}`;
      const { collections } = dataOf(ctx);
      const created = !collections.has(ns);
      const indexes = collections.get(ns) ?? [{ ...ID_INDEX }];
      const before = indexes.length;
      const added = (command.indexes as Document[]).filter((spec) => addIndex(indexes, spec));
      collections.set(ns, indexes);
      for (const spec of added) ctx.cluster.log(`createIndex ${ns} ${JSON.stringify(spec.key)} ${optionsOf(spec)}`);
      const counts = { numIndexesBefore: before, numIndexesAfter: indexes.length };
      if (added.length === 0) return { ...counts, note: "all indexes already exist", ok: 1 };
      return { ...counts, createdCollectionAutomatically: created, ...(ctx.node.set ? { commitQuorum: "votingMembers" } : {}), ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/listIndexes/ -> {cursor: {id: 0, ns, firstBatch}, ok: 1}
  listIndexes: {
    access: "read",
    run: (command, ctx) => {
      const ns = `${ctx.db}.${String(command.listIndexes)}`;
      const indexes = dataOf(ctx).collections.get(ns);
      if (!indexes) throw new CommandError(26, "NamespaceNotFound", `ns does not exist: ${ns}`);
      return cursor(ns, indexes);
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/listCollections/ -> {cursor: {id: 0, ns: "<db>.$cmd.listCollections", firstBatch}, ok: 1}
  listCollections: {
    access: "read",
    run: (command, ctx) => {
      const prefix = `${ctx.db}.`;
      const names = [...dataOf(ctx).collections.keys()].filter((ns) => ns.startsWith(prefix)).map((ns) => ns.slice(prefix.length));
      const docs = names.map((name) => ({ name, type: "collection", options: {}, info: { readOnly: false }, idIndex: ID_INDEX }));
      const filter = (command.filter as Document | undefined) ?? {};
      return cursor(`${ctx.db}.$cmd.listCollections`, docs.filter((d) => matches(d, filter)));
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/aggregate/ -> {cursor: {id: 0, ns, firstBatch: []}, ok: 1}:
  // no collection here holds documents (mongosh asks admin.atlascli at startup, to tell an Atlas local cluster).
  aggregate: {
    access: "read",
    run: (command, ctx) => cursor(`${ctx.db}.${String(command.aggregate)}`, []),
  },
  // https://www.mongodb.com/docs/manual/reference/command/find/ -> {cursor: {id: 0, ns, firstBatch}, ok: 1};
  // equality filters, limit; the config database's catalog on a mongos, nothing elsewhere.
  find: {
    access: "read",
    run: (command, ctx) => {
      const collection = String(command.find);
      const all = ctx.db === "config" && ctx.node.mongosOf ? catalogDocuments(ctx, collection) : [];
      const found = all.filter((d) => matches(d, (command.filter as Document | undefined) ?? {}));
      const limit = Number(command.limit ?? 0);
      return cursor(`${ctx.db}.${collection}`, limit > 0 ? found.slice(0, limit) : found);
    },
  },
};
