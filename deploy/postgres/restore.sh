#!/bin/sh
# Usage: restore.sh DUMP DATABASE OWNER
# Restores a dump made by backup.sh into a NEW, empty database (never over the live one),
# owned by OWNER. Stop loaso first if you then swap it in (docs/deploy.md, "Restore").
set -eu
dump=$1
db=$2
owner=$3
createdb --owner="$owner" "$db"
pg_restore --no-owner --role="$owner" --exit-on-error --single-transaction --dbname="$db" "$dump"
echo "restored $dump into $db"
