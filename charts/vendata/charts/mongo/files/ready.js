// Readiness: able to serve. A standalone or a mongos that answers; a replica-set member
// only while PRIMARY or SECONDARY (not starting, syncing, recovering, or outside a set).
const reply = db.adminCommand({ hello: 1 });
if (!(reply.isWritablePrimary || reply.secondary)) {
  print(reply.isreplicaset ? "not ready: not in the replica set yet" : "not ready: neither primary nor secondary");
  quit(1);
}
