// The pre-upgrade hook: before a StatefulSet shrinks, remove the members the new values
// no longer name, one at a time, while the members that stay hold a majority; refuse
// (and so stop the upgrade) when they would not. Adds nothing: new pods do not exist yet.
load("/scripts/lib.js");

const config = readConfig();

for (const set of config.sets) {
  const answering = localHosts(set).find((host) => {
    try {
      return hello(host).setName === set.name;
    } catch (error) {
      return false;
    }
  });
  if (!answering) {
    log(`${set.name}: no member of the set answers (not initiated yet, or a first install): nothing to remove`);
    continue;
  }
  converge(set, true);
}
log("no member the values leave out remains; the StatefulSets can shrink");
