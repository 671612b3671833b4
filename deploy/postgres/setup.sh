#!/bin/sh
# Usage (as root): setup.sh [DATABASE] [ROLE]
# Creates the PostgreSQL role and database Loa Số uses. The role has no password: Loa Số
# connects over the Unix socket as the system user `loaso` (peer authentication), so no
# database password exists to leak. database.url in config.yaml:
#   postgresql+asyncpg://loaso@/loaso?host=/var/run/postgresql
set -eu
db=${1:-loaso}
role=${2:-loaso}
runuser -u postgres -- psql -v ON_ERROR_STOP=1 --quiet <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE "$role" LOGIN;
  END IF;
END \$\$;
SQL
if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  runuser -u postgres -- createdb --owner="$role" --encoding=UTF8 --template=template0 "$db"
fi
echo "database $db owned by $role is ready"
