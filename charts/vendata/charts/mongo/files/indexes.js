// The index hook: creates mongo.indexes in the application's database as the application
// user (readWrite). createIndex returns at once for an index that already exists, and
// fails on one that exists with other options, which is then fixed by hand.
load("/scripts/lib.js");

const config = readConfig();
const password = env("MONGODB_PASSWORD");

const conn = waitFor("the application user to log in (the init Job creates it)", () =>
  pingedUserConnection(config.app.hosts, config.appUser, password, config.app.options, config.database),
);
try {
  const db = conn.getDB(config.database);
  for (const index of config.indexes) {
    const keys = keyDocument(index.keys);
    const name = db.getCollection(index.collection).createIndex(keys, index.options ?? {});
    log(`${index.collection}: index ${name} on ${JSON.stringify(keys)}`);
  }
} finally {
  conn.close();
}
