// The init Job: brings the deployment to what the values describe, and changes nothing
// when it already is. Replica sets: initiate once, then add, update or remove members
// one at a time. Users: root, the application's, the exporter's and the backup's, each
// with only the roles it needs. Sharded: add the shards, enable sharding, shard the collections.
load("/scripts/lib.js");

const config = readConfig();
const rootPassword = env("MONGODB_ROOT_PASSWORD");
const appPassword = env("MONGODB_PASSWORD");
const metricsPassword = env("MONGODB_METRICS_PASSWORD");
// The backup's user exists only with backup.enabled (config.backupUser is then set).
const backupPassword = config.backupUser ? env("MONGODB_BACKUP_PASSWORD") : "";

function waitForMembers(set) {
  for (const host of localHosts(set)) waitFor(`${host} to answer`, () => hello(host));
}

/** Initiates the set on its first member (which keeps its data: a phase-1 standalone becomes the primary). */
function initiateOnce(set) {
  const hosts = localHosts(set);
  if (hosts.some((host) => hello(host).setName === set.name)) return;
  log(`${set.name}: initiating on ${hosts[0]}`);
  const conn = systemConnection([hosts[0]]);
  try {
    // Members of other regions may not exist yet; converge() adds them afterwards.
    run(conn.getDB("admin"), { replSetInitiate: initialConfig(set, set.members.filter((m) => m.local)) });
  } finally {
    conn.close();
  }
}

function waitForPrimary(set) {
  waitFor(`a primary in ${set.name}`, () => localHosts(set).some((host) => hello(host).isWritablePrimary));
}

/**
 * root and the exporter's user everywhere (shards too: their own maintenance, and each
 * member's exporter connects to its mongod directly); the application's and the backup's
 * users where clients log in (the standalone, rs0, the config servers behind mongos).
 * Built-in roles: https://www.mongodb.com/docs/manual/reference/built-in-roles/ (backup:
 * what mongodump needs, --oplog included; clusterMonitor: the monitoring commands, and
 * read on local for the oplog the exporter's replication metrics read).
 */
function ensureUsers(hosts, replicaSet, clusterUsers) {
  const options = replicaSet ? `authSource=admin&replicaSet=${replicaSet}` : "authSource=admin&directConnection=true";
  const loginCheck = (user, password) => canLogIn(hosts, user, password, options);
  const conn = systemConnection(hosts, replicaSet);
  try {
    const admin = conn.getDB("admin");
    ensureUser(admin, config.rootUser, rootPassword, [{ role: "root", db: "admin" }], loginCheck);
    if (clusterUsers) {
      ensureUser(admin, config.appUser, appPassword, [{ role: "readWrite", db: config.database }], loginCheck);
      if (config.backupUser) ensureUser(admin, config.backupUser, backupPassword, [{ role: "backup", db: "admin" }], loginCheck);
    }
    ensureUser(admin, config.metricsUser, metricsPassword, [{ role: "clusterMonitor", db: "admin" }, { role: "read", db: "local" }], loginCheck);
  } finally {
    conn.close();
  }
}

function ensureReplicaSet(set) {
  waitForMembers(set);
  initiateOnce(set);
  waitForPrimary(set);
  converge(set, false);
  // Cluster users of a sharded cluster live on the config servers.
  ensureUsers(localHosts(set), set.name, set.role !== "shardsvr");
}

function ensureSharding() {
  const mongos = waitFor(`mongos at ${config.mongos}`, () => pingedUserConnection([config.mongos], config.rootUser, rootPassword, "authSource=admin", "admin"));
  try {
    const admin = mongos.getDB("admin");
    const present = run(admin, { listShards: 1 }).shards.map((s) => s._id);
    for (const set of config.sets.filter((s) => s.role === "shardsvr")) {
      if (present.includes(set.name)) continue;
      run(admin, { addShard: `${set.name}/${localHosts(set).join(",")}`, name: set.name });
      log(`added shard ${set.name}`);
    }
    run(admin, { enableSharding: config.database });
    const db = mongos.getDB(config.database);
    for (const collection of config.shardedCollections) {
      const ns = `${config.database}.${collection.name}`;
      const key = keyDocument(collection.key);
      const current = mongos.getDB("config").getCollection("collections").findOne({ _id: ns });
      if (current) {
        if (JSON.stringify(current.key) !== JSON.stringify(key)) {
          throw new Error(`${ns} is sharded on ${JSON.stringify(current.key)}, not ${JSON.stringify(key)}: changing a shard key is a manual reshardCollection (mongo chart README)`);
        }
        continue;
      }
      // shardCollection needs an index on the key once the collection has documents.
      db.getCollection(collection.name).createIndex(key);
      run(admin, { shardCollection: ns, key });
      log(`sharded ${ns} on ${JSON.stringify(key)}`);
    }
  } finally {
    mongos.close();
  }
}

if (config.architecture === "standalone") {
  waitFor(`${config.standalone} to answer`, () => hello(config.standalone));
  ensureUsers([config.standalone], "", true);
} else {
  for (const set of config.sets) ensureReplicaSet(set);
  if (config.architecture === "sharded") ensureSharding();
}
log("mongo is as the values describe");
