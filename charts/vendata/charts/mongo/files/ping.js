// Liveness: mongod or mongos answers (no credentials needed). A failed command throws,
// and mongosh then exits non-zero.
db.adminCommand({ ping: 1 });
