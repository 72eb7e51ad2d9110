// The pre-upgrade hook: before a StatefulSet shrinks, remove the members the new values
// no longer name, one at a time, while the members that stay hold a majority; refuse
// (and so stop the upgrade) when they would not. Adds nothing: new pods do not exist yet.
// When no member answers at all it cannot tell what the set holds, so it fails too,
// never passes silently.
load("/scripts/lib.js");

const config = readConfig();

// A minute of asking (a member restarting); the Job's backoffLimit gives it three tries,
// which stay inside Helm's default hook timeout of 5 minutes.
const ANSWER_TIMEOUT_MS = 60000;

/** Whether a local member answers as a member of the set; throws, with each member's error, while none answers. */
function setState(set) {
  const hosts = localHosts(set);
  const errors = [];
  for (const host of hosts) {
    let reply = null;
    try {
      reply = hello(host);
    } catch (error) {
      errors.push(`${host}: ${error.message}`);
    }
    if (reply && reply.setName === set.name) return { initiated: true };
  }
  if (errors.length > 0 && errors.length === hosts.length) throw new Error(errors.join("; "));
  return { initiated: false };
}

for (const set of config.sets) {
  let state;
  try {
    state = waitFor(`a member of ${set.name} to answer`, () => setState(set), ANSWER_TIMEOUT_MS);
  } catch (error) {
    throw new Error(
      `${set.name}: no member answers, so the hook cannot check which members the upgrade removes or that a majority stays ` +
        `(${error.message}). Bring the members back, then upgrade again (mongo chart README, "Scale down").`,
    );
  }
  if (!state.initiated) {
    // A phase-1 standalone upgraded to a replica set: the init Job initiates the set later.
    log(`${set.name}: its members answer but none is in the set yet (not initiated): nothing to remove`);
    continue;
  }
  converge(set, true);
}
log("no member the values leave out remains; the StatefulSets can shrink");
