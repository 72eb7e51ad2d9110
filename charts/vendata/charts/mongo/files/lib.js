// Shared by init.js, scale-down.js and indexes.js (mongosh; each loads this file).
// The pure functions first: they decide what to change, and the chart's tests run them
// (test/mongo/scripts.test.ts). The rest talks to mongod.
//
// The rule for code that talks to mongod (mongosh 2): never `return <call>` from a try
// block whose finally closes the connection. mongosh's async rewriter awaits calls that
// stand in a statement or an assignment, but not a call that is the whole operand of a
// `return`: the finally then closes the connection before the command has run
// (MongoNotConnectedError). Assign the result to a variable first, then return it. And
// mongosh's runCommand throws on a reply with ok: 0 instead of returning it: go through
// run(), which names the command in the error. test/mongo/real-mongosh.test.ts and
// test/mongo/jobs-over-the-wire.test.ts run these scripts under the real mongosh.

// ---------------------------------------------------------------- decisions

/** An index or shard key document with the fields in the order given ([{field, order}]). */
function keyDocument(fields) {
  const doc = {};
  for (const f of fields) doc[f.field] = f.order;
  return doc;
}

function majority(voters) {
  return Math.floor(voters / 2) + 1;
}

function sameSettings(current, wanted) {
  return (current.priority ?? 1) === wanted.priority && (current.votes ?? 1) === wanted.votes && (current.hidden ?? false) === wanted.hidden;
}

function sameRoles(current, wanted) {
  const names = (roles) => roles.map((r) => `${r.role}@${r.db}`).sort().join(",");
  return names(current) === names(wanted);
}

/** A replica set config for replSetInitiate: the wanted members, ids from 0. */
function initialConfig(set, members) {
  const config = { _id: set.name, members: members.map((m, i) => ({ _id: i, host: m.host, priority: m.priority, votes: m.votes, hidden: m.hidden })) };
  if (set.role === "configsvr") config.configsvr = true;
  return config;
}

function refuseUnlessMajorityStays(setName, leaving, staying, health) {
  const voters = staying.filter((m) => (m.votes ?? 1) > 0);
  const healthy = voters.filter((m) => health.healthy.includes(m.host)).length;
  if (voters.length > 0 && healthy >= majority(voters.length)) return;
  throw new Error(
    `refusing to remove ${leaving} from replica set ${setName}: ${healthy} of the ${voters.length} voting members that would stay ` +
      `are healthy (PRIMARY or SECONDARY) and a majority needs ${majority(voters.length)}. ` +
      `Bring the members back first, or scale down by hand (mongo chart README, "Scale down").`,
  );
}

/** The pod a member host names: its first DNS label ("vendata-mongo-0"). */
function podOf(host) {
  return host.split(".")[0];
}

/** The wanted member that is this config member under a new name (members.hostTemplate changed), if any. */
function renamedTo(member, config, wanted) {
  return wanted.find((w) => podOf(w.host) === podOf(member.host) && !config.members.some((m) => m.host === w.host));
}

/**
 * The one reconfiguration that brings a replica set a step closer to the wanted members,
 * or null when it matches them. One member per step: MongoDB lets one reconfig add or
 * remove at most one voting member. Renamed members first (same pod, new DNS name: same
 * _id, new host), then members leave (highest _id first, as the StatefulSet removes its
 * last pods), then settings change, then members join.
 *   config: replSetGetConfig's config; wanted: [{host, priority, votes, hidden}]
 *   health: {primary: "host:port" or null, healthy: ["host:port", ...]}
 *   removeOnly: only removals (the pre-upgrade scale-down hook).
 * Returns {action: "rename" | "remove" | "update" | "stepDown" | "add", host, members}.
 */
function nextChange(config, wanted, health, removeOnly) {
  const wantedHosts = wanted.map((w) => w.host);
  const unwanted = config.members.filter((m) => !wantedHosts.includes(m.host));
  const renamed = unwanted.find((m) => renamedTo(m, config, wanted));
  if (renamed && !removeOnly) {
    const host = renamedTo(renamed, config, wanted).host;
    return { action: "rename", host, members: config.members.map((m) => (m === renamed ? { ...m, host } : m)) };
  }
  const leaving = unwanted.filter((m) => !renamedTo(m, config, wanted)).sort((a, b) => b._id - a._id);
  if (leaving.length > 0) {
    const member = leaving[0];
    const staying = config.members.filter((m) => m.host !== member.host);
    refuseUnlessMajorityStays(config._id, member.host, staying, health);
    if (health.primary === member.host) {
      // A primary cannot remove itself: make it unelectable, then step it down.
      if ((member.priority ?? 1) > 0) {
        return { action: "update", host: member.host, members: config.members.map((m) => (m.host === member.host ? { ...m, priority: 0 } : m)) };
      }
      return { action: "stepDown", host: member.host, members: config.members };
    }
    return { action: "remove", host: member.host, members: staying };
  }
  if (removeOnly) return null;
  for (const w of wanted) {
    const current = config.members.find((m) => m.host === w.host);
    if (current && !sameSettings(current, w)) {
      const members = config.members.map((m) => (m === current ? { ...m, priority: w.priority, votes: w.votes, hidden: w.hidden } : m));
      return { action: "update", host: w.host, members };
    }
  }
  const joining = wanted.find((w) => !config.members.some((m) => m.host === w.host));
  if (joining) {
    const id = Math.max(-1, ...config.members.map((m) => m._id)) + 1;
    const member = { _id: id, host: joining.host, priority: joining.priority, votes: joining.votes, hidden: joining.hidden };
    return { action: "add", host: joining.host, members: [...config.members, member] };
  }
  return null;
}

/** PRIMARY and healthy members from replSetGetStatus. */
function healthOf(status) {
  const healthy = status.members.filter((m) => m.health === 1 && (m.state === 1 || m.state === 2)).map((m) => m.name);
  const primary = status.members.find((m) => m.state === 1);
  return { primary: primary ? primary.name : null, healthy };
}

// ---------------------------------------------------------------- talking to mongod

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function readConfig() {
  return JSON.parse(require("fs").readFileSync("/scripts/config.json", "utf8"));
}

function log(message) {
  print(`${new Date().toISOString()} ${message}`);
}

/**
 * Calls attempt() every 5 s until it returns something truthy; gives up after timeoutMs.
 * Says every minute what it still waits for, and why, so a waiting Job's log is not silent.
 */
function waitFor(what, attempt, timeoutMs) {
  const started = Date.now();
  const deadline = started + (timeoutMs ?? 600000);
  let last = "";
  let told = started;
  for (;;) {
    try {
      const result = attempt();
      if (result) return result;
    } catch (error) {
      last = `: ${error.message}`;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}${last}`);
    if (Date.now() - told >= 60000) {
      told = Date.now();
      log(`still waiting for ${what}${last}`);
    }
    sleep(5000);
  }
}

/**
 * Runs a command; throws, naming the command, when it fails. mongosh throws on a reply with
 * ok: 0 (its message then lacks the command's name); an older shell returns the reply.
 * The thrown error keeps the server's code and codeName.
 */
function run(db, command) {
  const name = Object.keys(command)[0];
  let result;
  try {
    result = db.runCommand(command);
  } catch (error) {
    const failed = new Error(`${name} failed: ${error.message}`);
    failed.code = error.code;
    failed.codeName = error.codeName;
    throw failed;
  }
  if (result.ok !== 1) throw new Error(`${name} failed: ${result.errmsg ?? JSON.stringify(result)}`);
  return result;
}

function connect(uri) {
  return new Mongo(uri);
}

/** hello needs no credentials: it tells whether a member is up and which set it is in. */
function hello(host) {
  const conn = connect(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=5000&connectTimeoutMS=5000`);
  try {
    const reply = run(conn.getDB("admin"), { hello: 1 });
    return reply;
  } finally {
    conn.close();
  }
}

/**
 * A connection as the cluster's internal user, authenticated with the keyFile, as the
 * members authenticate to each other. The Jobs need it to initiate a set and create the
 * first users: before that, no user exists to log in with.
 */
function systemConnection(hosts, replicaSet) {
  const key = encodeURIComponent(env("MONGODB_KEYFILE").replace(/[\t-\r ]/g, ""));
  const target = replicaSet ? `replicaSet=${replicaSet}` : "directConnection=true";
  return connect(`mongodb://__system:${key}@${hosts.join(",")}/?authSource=local&authMechanism=SCRAM-SHA-256&${target}&serverSelectionTimeoutMS=15000`);
}

function userConnection(hosts, user, password, options) {
  return connect(`mongodb://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${hosts.join(",")}/?${options}`);
}

function canLogIn(hosts, user, password, options) {
  let conn;
  let loggedIn = false;
  try {
    conn = userConnection(hosts, user, password, options);
    run(conn.getDB("admin"), { ping: 1 });
    loggedIn = true;
  } catch (error) {
    loggedIn = false;
  } finally {
    if (conn) conn.close();
  }
  return loggedIn;
}

/**
 * A user's connection once a ping answers on it (for waitFor); a connection whose ping
 * fails is closed, not left open until the script ends.
 */
function pingedUserConnection(hosts, user, password, options, database) {
  const conn = userConnection(hosts, user, password, options);
  try {
    run(conn.getDB(database), { ping: 1 });
  } catch (error) {
    conn.close();
    throw error;
  }
  return conn;
}

/** Creates the user, or brings its roles and password in line with the values and the Secret. */
function ensureUser(admin, user, password, roles, loginCheck) {
  const existing = admin.getUser(user);
  if (!existing) {
    admin.createUser({ user, pwd: password, roles });
    log(`created user ${user}`);
    return;
  }
  if (!sameRoles(existing.roles, roles)) {
    admin.updateUser(user, { roles });
    log(`updated the roles of ${user}`);
  }
  if (!loginCheck(user, password)) {
    admin.updateUser(user, { pwd: password });
    log(`updated the password of ${user} from the Secret`);
  }
}

function localHosts(set) {
  return set.members.filter((m) => m.local).map((m) => m.host);
}

function setHealth(admin) {
  return healthOf(run(admin, { replSetGetStatus: 1 }));
}

/** Applies nextChange until the set matches the wanted members. */
function converge(set, removeOnly) {
  const hosts = set.members.map((m) => m.host);
  let failures = 0;
  for (let step = 0; step < 200; step++) {
    // Connecting is inside the try: under mongosh, new Mongo() already selects the primary
    // and throws when the set has none (an election, a primary restarting), which is one
    // more failure to retry, not the end of the Job.
    let conn;
    try {
      conn = systemConnection(localHosts(set), set.name);
      const admin = conn.getDB("admin");
      const config = run(admin, { replSetGetConfig: 1 }).config;
      const change = nextChange(config, set.members, setHealth(admin), removeOnly);
      if (!change) return;
      log(`${set.name}: ${change.action} ${change.host}`);
      if (change.action === "stepDown") {
        run(admin, { replSetStepDown: 60, secondaryCatchUpPeriodSecs: 30 });
      } else {
        run(admin, { replSetReconfig: { ...config, version: config.version + 1, members: change.members } });
      }
      failures = 0;
    } catch (error) {
      if (String(error.message).startsWith("refusing")) throw error;
      failures += 1;
      log(`${set.name}: ${error.message} (attempt ${failures} of 20)`);
      if (failures >= 20) throw error;
      sleep(5000);
    } finally {
      if (conn) conn.close();
    }
  }
  throw new Error(`${set.name}: still not converged towards ${hosts.join(",")} after 200 steps`);
}
