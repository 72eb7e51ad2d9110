// What every command handler gets, how it fails, and who may run it.
import type { Document } from "bson";
import type { ScramConversation } from "../scram.ts";
import type { Cluster, Data, Node, User } from "../state.ts";

/** A failed command: the reply {ok: 0, errmsg, code, codeName} mongod sends. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
  }
}

/** One client connection: who logged in on it, and a SCRAM conversation in progress. */
export interface Session {
  readonly connectionId: number;
  user: User | undefined;
  conversation: { scram: ScramConversation; db: string; skipEmptyExchange: boolean; finished: boolean } | undefined;
}

export interface Context {
  cluster: Cluster;
  node: Node;
  /** The command's database ($db). */
  db: string;
  session: Session;
}

export type Handler = (command: Document, ctx: Context) => Document;

/**
 * Who may run a command: anyone (hello, ping, the SASL steps), any logged-in user, or a
 * user holding a privilege on the cluster, on users or on the command's database.
 */
export type Access = "anyone" | "authenticated" | "clusterAdmin" | "userAdmin" | "readWrite" | "read";

export interface Command {
  access: Access;
  run: Handler;
}

// The built-in roles that grant each privilege, on the command's database or on admin
// (https://www.mongodb.com/docs/manual/reference/built-in-roles/).
const GRANTS: Record<Exclude<Access, "anyone" | "authenticated">, { onDb: string[]; onAdmin: string[] }> = {
  clusterAdmin: { onDb: [], onAdmin: ["clusterAdmin", "clusterManager"] },
  userAdmin: { onDb: ["userAdmin", "dbOwner"], onAdmin: ["userAdminAnyDatabase"] },
  readWrite: { onDb: ["readWrite", "dbOwner"], onAdmin: ["readWriteAnyDatabase"] },
  read: { onDb: ["read", "readWrite", "dbOwner"], onAdmin: ["readAnyDatabase", "readWriteAnyDatabase"] },
};

/** Throws Unauthorized (13) unless the session may run `name` under `access`, as mongod checks. */
export function authorize(name: string, access: Access, ctx: Context): void {
  if (access === "anyone") return;
  const user = ctx.session.user;
  if (!user) throw new CommandError(13, "Unauthorized", `Command ${name} requires authentication`);
  if (access === "authenticated") return;
  const roles = user.roles;
  if (roles.some((r) => r.db === "admin" && (r.role === "root" || r.role === "__system"))) return;
  const grant = GRANTS[access];
  const allowed = roles.some((r) => (r.db === ctx.db && grant.onDb.includes(r.role)) || (r.db === "admin" && grant.onAdmin.includes(r.role)));
  if (!allowed) throw new CommandError(13, "Unauthorized", `not authorized on ${ctx.db} to execute command { ${name}: ... }`);
}

/** The data a command of this node reads and writes; a mongos's are the config servers'. */
export function dataOf(ctx: Context): Data {
  const data = ctx.cluster.dataOf(ctx.node);
  if (!data) throw new CommandError(133, "FailedToSatisfyReadPreference", `Could not find host matching read preference { mode: "primary" } for set ${ctx.node.mongosOf}`);
  return data;
}

/** Writes go to a primary: NotWritablePrimary (10107) elsewhere, as mongod refuses them. */
export function requireWritable(ctx: Context): void {
  const { node } = ctx;
  if (node.mongosOf) {
    const config = ctx.cluster.sets.get(node.mongosOf);
    if (!config?.primary) throw new CommandError(133, "FailedToSatisfyReadPreference", `Could not find host matching read preference { mode: "primary" } for set ${node.mongosOf}`);
    return;
  }
  if (node.replSet && node.set?.primary !== node.host) throw new CommandError(10107, "NotWritablePrimary", "not primary");
}
