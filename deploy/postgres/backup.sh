#!/bin/sh
# Usage: backup.sh FOLDER DATABASE KEEP_DAYS
# One custom-format pg_dump (compressed, restorable table by table with pg_restore) named
# by UTC time, written under a temporary name and renamed only when complete; then dumps
# older than KEEP_DAYS are removed. Run as a role that can read the database (postgres).
set -eu
folder=$1
db=$2
keep=${3:-30}
mkdir -p "$folder"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
tmp="$folder/.$db-$stamp.dump.part"
pg_dump --format=custom --no-owner --file="$tmp" "$db"
mv "$tmp" "$folder/$db-$stamp.dump"
find "$folder" -maxdepth 1 -name "$db-*.dump" -mtime +"$keep" -delete
echo "backup: $folder/$db-$stamp.dump"
