#!/usr/bin/env bash
# Uploads the archive the dump container wrote to s3://$S3_BUCKET/$S3_PREFIX/, then
# deletes the archives there older than RETENTION_DAYS (by the time in their name).
# S3_ENDPOINT names an S3-compatible store; empty means AWS.
set -euo pipefail

: "${S3_BUCKET:?}" "${BACKUP_DIR:?}" "${RETENTION_DAYS:?}"
prefix=${S3_PREFIX:-mongo}

# The AWS CLI image's bash (4.2) treats an empty array as unset under set -u: no array here.
s3() {
  if [ -n "${S3_ENDPOINT:-}" ]; then
    aws --endpoint-url "$S3_ENDPOINT" s3 "$@"
  else
    aws s3 "$@"
  fi
}

shopt -s nullglob
archives=("$BACKUP_DIR"/mongo-*.archive.gz)
if [ "${#archives[@]}" -ne 1 ]; then
  echo "expected one archive in $BACKUP_DIR, found ${#archives[@]}" >&2
  exit 1
fi
archive=${archives[0]}
s3 cp "$archive" "s3://$S3_BUCKET/$prefix/${archive##*/}"
echo "uploaded ${archive##*/} to s3://$S3_BUCKET/$prefix/"

stamp_format=%Y%m%dT%H%M%SZ
cutoff=$(date -u -d "@$(($(date +%s) - RETENTION_DAYS * 86400))" +"$stamp_format")
s3 ls "s3://$S3_BUCKET/$prefix/" | while read -r _ _ _ name; do
  case "$name" in mongo-*.archive.gz) ;; *) continue ;; esac
  stamp=${name#mongo-}
  if [[ "${stamp%%.*}" < "$cutoff" ]]; then
    s3 rm "s3://$S3_BUCKET/$prefix/$name"
    echo "deleted $name (older than $RETENTION_DAYS days)"
  fi
done
