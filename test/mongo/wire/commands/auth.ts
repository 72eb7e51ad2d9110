// Logging in: saslStart and saslContinue carrying a SCRAM-SHA-256 conversation, as a
// driver runs it against mongod (https://www.mongodb.com/docs/manual/core/security-scram/;
// the command shapes are those of the drivers' authentication specification,
// https://github.com/mongodb/specifications/blob/master/source/auth/auth.md#scram-sha-256).
import { Binary, type Document } from "bson";
import { AuthenticationFailed, ScramConversation } from "../scram.ts";
import type { User } from "../state.ts";
import { CommandError, dataOf, type Command, type Context } from "./context.ts";

const failed = () => new CommandError(18, "AuthenticationFailed", "Authentication failed.");
const text = (payload: unknown) => (payload instanceof Binary ? Buffer.from(payload.buffer).toString("utf8") : String(payload ?? ""));
const binary = (s: string) => new Binary(Buffer.from(s, "utf8"));

/** The user a login names: __system@local is the keyFile's, others live in the node's (or its config servers') data. */
function lookup(ctx: Context, db: string, name: string): User | undefined {
  if (db === "local" && name === "__system") return ctx.cluster.systemUser;
  return dataOf(ctx).users.get(`${db}.${name}`);
}

export const authCommands: Record<string, Command> = {
  // saslStart {mechanism, payload: client-first, options: {skipEmptyExchange}} -> {conversationId, done: false, payload: server-first}
  saslStart: {
    access: "anyone",
    run: (command: Document, ctx) => {
      if (command.mechanism !== "SCRAM-SHA-256") {
        throw new CommandError(334, "MechanismUnavailable", `Unable to use ${String(command.mechanism)} based authentication: this server offers SCRAM-SHA-256 only`);
      }
      const db = ctx.db;
      const scram = new ScramConversation((name) => lookup(ctx, db, name)?.credentials);
      let serverFirst: string;
      try {
        serverFirst = scram.start(text(command.payload));
      } catch (error) {
        if (error instanceof AuthenticationFailed) throw failed();
        throw error;
      }
      const skipEmptyExchange = (command.options as Document | undefined)?.skipEmptyExchange === true;
      ctx.session.conversation = { scram, db, skipEmptyExchange, finished: false };
      return { conversationId: 1, done: false, payload: binary(serverFirst), ok: 1 };
    },
  },
  // saslContinue {conversationId, payload: client-final} -> {done, payload: server-final}; then, unless
  // skipEmptyExchange, one more empty exchange -> {done: true}.
  saslContinue: {
    access: "anyone",
    run: (command: Document, ctx) => {
      const conversation = ctx.session.conversation;
      if (!conversation) throw new CommandError(17, "ProtocolError", "No SASL session state found");
      if (conversation.finished) {
        ctx.session.conversation = undefined;
        return { conversationId: 1, done: true, payload: binary(""), ok: 1 };
      }
      let serverFinal: string;
      try {
        serverFinal = conversation.scram.finish(text(command.payload));
      } catch (error) {
        ctx.session.conversation = undefined;
        if (error instanceof AuthenticationFailed) throw failed();
        throw error;
      }
      ctx.session.user = lookup(ctx, conversation.db, conversation.scram.user);
      const done = conversation.skipEmptyExchange;
      ctx.session.conversation = done ? undefined : { ...conversation, finished: true };
      return { conversationId: 1, done, payload: binary(serverFinal), ok: 1 };
    },
  },
};
