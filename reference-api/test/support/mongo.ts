// FerretDB as the MongoDB server, through the root's helper (test/mongo/ferretdb.ts):
// SCRAM on 127.0.0.1, stopped by PID. Its setup user lives in its setup database, so the
// chart's user is created in "admin", the chart's authSource.
import { startFerretDb, type FerretDb } from "../../../test/mongo/ferretdb.ts";

export type { FerretDb };

export function startMongo(env: Readonly<Record<string, string>>, options: { replSetName?: string } = {}): Promise<FerretDb> {
  const user = env.MONGODB_USERNAME;
  const password = env.MONGODB_PASSWORD;
  if (!user || !password) throw new Error("the environment has no MONGODB_USERNAME or MONGODB_PASSWORD");
  return startFerretDb({ setupUser: user, setupPassword: password, setupDatabase: "admin", ...(options.replSetName ? { replSetName: options.replSetName } : {}) });
}
