# Start a throwaway PostgreSQL+PostGIS server on 127.0.0.1 for the tests (sourced by .ci/run;
# also usable by hand: `source scripts/test_postgres.sh && start_test_postgres`).
# Exports TRACKER_TEST_PG_URL.

TEST_PG_PORT="${TEST_PG_PORT:-54329}"

start_test_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql postgresql-15-postgis-3)" >&2
    return 1
  fi
  TEST_PG_DATA="$(mktemp -d /tmp/tracker-pg.XXXXXX)"
  export TEST_PG_DATA
  chown postgres "$TEST_PG_DATA" 2>/dev/null || true
  local as_pg=""
  [ "$(id -u)" = 0 ] && as_pg="runuser -u postgres --"
  $as_pg "$bin/initdb" -D "$TEST_PG_DATA" -A trust -U postgres >/dev/null
  $as_pg "$bin/pg_ctl" -D "$TEST_PG_DATA" -l "$TEST_PG_DATA/server.log" -w \
    -o "-p $TEST_PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  psql -h 127.0.0.1 -p "$TEST_PG_PORT" -U postgres -qc "CREATE DATABASE tracker_test" >/dev/null
  psql -h 127.0.0.1 -p "$TEST_PG_PORT" -U postgres -d tracker_test -qc \
    "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
  export TRACKER_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$TEST_PG_PORT/tracker_test"
  echo "PostgreSQL+PostGIS test server on 127.0.0.1:$TEST_PG_PORT"
}

stop_test_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "${TEST_PG_DATA:-}" ] && [ -n "$bin" ]; then
    local as_pg=""
    [ "$(id -u)" = 0 ] && as_pg="runuser -u postgres --"
    $as_pg "$bin/pg_ctl" -D "$TEST_PG_DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$TEST_PG_DATA"
  fi
}
