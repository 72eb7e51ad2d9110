#!/usr/bin/env bash
# One mongodump of the whole deployment into $BACKUP_DIR/mongo-<UTC time>.archive.gz.
# With MONGODUMP_OPLOG=true (a replica set) the dump includes the oplog written while it
# ran, so `mongorestore --oplogReplay` restores one point in time. With PRUNE=true,
# archives older than RETENTION_DAYS are deleted afterwards (by the time in their name).
set -euo pipefail

: "${MONGODB_URI:?}" "${BACKUP_DIR:?}" "${RETENTION_DAYS:?}"
stamp_format=%Y%m%dT%H%M%SZ
stamp=$(date -u +"$stamp_format")
archive="$BACKUP_DIR/mongo-$stamp.archive.gz"

args=(--uri="$MONGODB_URI" --archive="$archive.partial" --gzip)
if [ "${MONGODUMP_OPLOG:-false}" = true ]; then
  args+=(--oplog)
fi

started=$(date +%s)
mongodump "${args[@]}"
# Only a complete dump gets the name restores and pruning look for.
mv "$archive.partial" "$archive"
echo "wrote $archive ($(du -h "$archive" | cut -f1)) in $(($(date +%s) - started)) s"

if [ "${PRUNE:-false}" = true ]; then
  cutoff=$(date -u -d "@$(($(date +%s) - RETENTION_DAYS * 86400))" +"$stamp_format")
  for old in "$BACKUP_DIR"/mongo-*.archive.gz "$BACKUP_DIR"/mongo-*.archive.gz.partial; do
    [ -e "$old" ] || continue
    name=${old##*/mongo-}
    if [[ "${name%%.*}" < "$cutoff" ]]; then
      rm -f -- "$old"
      echo "deleted $old (older than $RETENTION_DAYS days)"
    fi
  done
fi
