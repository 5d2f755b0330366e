#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 + PostGIS cluster on loopback for the server-backend tests
# and prints the TEST_DATABASE_URL to use. Needs Debian's postgresql-15-postgis-3; run as root
# (the cluster itself runs as the postgres user). Usage: eval "$(test/support/start-postgis.sh)"
set -euo pipefail
PORT=${PGPORT_TEST:-55432}
DIR=${PGDATA_TEST:-/tmp/atlas-postgis-$PORT}
BIN=/usr/lib/postgresql/15/bin
[ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 binaries not found in $BIN (apt-get install postgresql-15-postgis-3)" >&2; exit 1; }
[ -f /usr/share/postgresql/15/extension/postgis.control ] || { echo "PostGIS for PostgreSQL 15 is missing (apt-get install postgresql-15-postgis-3)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
fi
echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
