// The command table of a mongod and of a mongos, and the dispatch: look the command up,
// check the caller may run it, run it; a failure becomes mongod's {ok: 0, errmsg, code, codeName}.
import type { Document } from "bson";
import { authCommands } from "./auth.ts";
import { collectionCommands } from "./collections.ts";
import { authorize, CommandError, type Command, type Context } from "./context.ts";
import { handshakeCommands } from "./handshake.ts";
import { replicationCommands } from "./replication.ts";
import { shardingCommands } from "./sharding.ts";
import { userCommands } from "./users.ts";

const COMMON = { ...handshakeCommands, ...authCommands, ...userCommands, ...collectionCommands };
const MONGOD: Record<string, Command> = { ...COMMON, ...replicationCommands };
const MONGOS: Record<string, Command> = { ...COMMON, ...shardingCommands };

export function execute(command: Document, ctx: Context): Document {
  const name = Object.keys(command)[0] ?? "";
  const table = ctx.node.mongosOf ? MONGOS : MONGOD;
  try {
    const found = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!found) throw new CommandError(59, "CommandNotFound", `no such command: '${name}'`);
    authorize(name, found.access, ctx);
    return found.run(command, ctx);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    ctx.cluster.log(`${ctx.node.host}: ${name} failed: ${error.codeName}: ${error.message}`, false);
    return { ok: 0, errmsg: error.message, code: error.code, codeName: error.codeName };
  }
}
