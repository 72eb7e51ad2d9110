// Users: createUser, updateUser, usersInfo, with roles checked against MongoDB's built-in roles.
import { UUID, type Document } from "bson";
import { credentialsFor } from "../scram.ts";
import type { Role, User } from "../state.ts";
import { CommandError, dataOf, requireWritable, type Command, type Context } from "./context.ts";

// https://www.mongodb.com/docs/manual/reference/built-in-roles/: those that exist on every
// database, and those that exist on admin only.
const ANY_DATABASE_ROLES = ["read", "readWrite", "dbAdmin", "dbOwner", "userAdmin"];
const ADMIN_ROLES = [
  "clusterAdmin", "clusterManager", "clusterMonitor", "hostManager", "backup", "restore",
  "readAnyDatabase", "readWriteAnyDatabase", "userAdminAnyDatabase", "dbAdminAnyDatabase", "root", "__system",
];

/** Roles as given ({role, db}, or a name meaning a role on the command's database); RoleNotFound (31) for one that does not exist. */
function rolesOf(value: unknown, db: string): Role[] {
  if (!Array.isArray(value)) throw new CommandError(2, "BadValue", "roles must be an array");
  return value.map((r: unknown) => {
    const role = typeof r === "string" ? { role: r, db } : { role: String((r as Document).role), db: String((r as Document).db) };
    const exists = ANY_DATABASE_ROLES.includes(role.role) || (role.db === "admin" && ADMIN_ROLES.includes(role.role));
    if (!exists) throw new CommandError(31, "RoleNotFound", `Could not find role: ${role.role}@${role.db}`);
    return role;
  });
}

/** SCRAM-SHA-256 needs the password itself: mongod refuses it with digestPassword: false, and so does this stand-in. */
function checkMechanisms(command: Document): void {
  const mechanisms = command.mechanisms as unknown[] | undefined;
  if (mechanisms && !mechanisms.every((m) => m === "SCRAM-SHA-256")) throw new CommandError(2, "BadValue", "this stand-in stores SCRAM-SHA-256 credentials only");
  if (command.digestPassword === false) throw new CommandError(2, "BadValue", "Use of SCRAM-SHA-256 requires undigested passwords");
}

function userDocument(u: User): Document {
  return { _id: `${u.db}.${u.user}`, userId: u.userId, user: u.user, db: u.db, roles: u.roles, mechanisms: ["SCRAM-SHA-256"] };
}

/** usersInfo's forms: 1 (every user of the database), "name", {user, db}, or a list of these. */
function wantedUsers(value: unknown, db: string): ((u: User) => boolean)[] {
  if (value === 1 || value === true) return [(u) => u.db === db];
  const one = (v: unknown): ((u: User) => boolean) => {
    if (typeof v === "string") return (u) => u.db === db && u.user === v;
    const { user, db: userDb } = v as Document;
    return (u) => u.user === user && u.db === userDb;
  };
  return Array.isArray(value) ? value.map(one) : [one(value)];
}

function existing(ctx: Context, name: string): User {
  const user = dataOf(ctx).users.get(`${ctx.db}.${name}`);
  if (!user) throw new CommandError(11, "UserNotFound", `Could not find user "${name}" for db "${ctx.db}"`);
  return user;
}

export const userCommands: Record<string, Command> = {
  // https://www.mongodb.com/docs/manual/reference/command/createUser/ -> {ok: 1}
  createUser: {
    access: "userAdmin",
    run: (command, ctx) => {
      requireWritable(ctx);
      const name = String(command.createUser);
      const key = `${ctx.db}.${name}`;
      const data = dataOf(ctx);
      if (data.users.has(key)) throw new CommandError(51003, "Location51003", `User "${name}@${ctx.db}" already exists`);
      if (typeof command.pwd !== "string" || command.pwd === "") throw new CommandError(2, "BadValue", "Must provide a 'pwd' field for all user documents, except those with '$external' as the user's source db");
      checkMechanisms(command);
      const roles = rolesOf(command.roles, ctx.db);
      data.users.set(key, { user: name, db: ctx.db, userId: new UUID(), roles, credentials: credentialsFor(command.pwd) });
      ctx.cluster.log(`createUser ${name}@${ctx.db} ${roles.map((r) => `${r.role}@${r.db}`).join(",")}`);
      return { ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/updateUser/: roles replace the old ones. -> {ok: 1}
  updateUser: {
    access: "userAdmin",
    run: (command, ctx) => {
      requireWritable(ctx);
      const user = existing(ctx, String(command.updateUser));
      const changed: string[] = [];
      if (command.roles !== undefined) {
        user.roles = rolesOf(command.roles, ctx.db);
        changed.push("roles");
      }
      if (command.pwd !== undefined) {
        checkMechanisms(command);
        user.credentials = credentialsFor(String(command.pwd));
        changed.push("pwd");
      }
      if (command.customData !== undefined) changed.push("customData");
      if (changed.length === 0) throw new CommandError(2, "BadValue", "Must specify at least one field to update in updateUser");
      ctx.cluster.log(`updateUser ${user.user}@${user.db} ${changed.join(",")}`);
      return { ok: 1 };
    },
  },
  // https://www.mongodb.com/docs/manual/reference/command/usersInfo/ -> {users: [{_id, userId, user, db, roles, mechanisms}], ok: 1}
  usersInfo: {
    access: "userAdmin",
    run: (command, ctx) => {
      const wanted = wantedUsers(command.usersInfo, ctx.db);
      const users = [...dataOf(ctx).users.values()].filter((u) => wanted.some((w) => w(u)));
      return { users: users.map(userDocument), ok: 1 };
    },
  },
};
