#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + PostGIS 3 cluster for the integration tests.
#
#   source scripts/test-services.sh start   # installs when absent, starts, exports SOUSEI_TEST_DB
#   scripts/test-services.sh stop           # stops the cluster and removes its directory
#
# The cluster lives in a fresh temp directory, runs as an unprivileged user (the `postgres` system
# user when started as root), listens on 127.0.0.1 on a free port only, and has the postgis
# extension in database `sousei_test`. Durability is switched off (fsync, synchronous_commit) for
# speed unless SOUSEI_PG_DURABLE=1. State goes to $SOUSEI_PG_STATE (default /tmp/sousei-test-pg.state)
# so that `stop` works from another shell.

_sousei_pg_main() {
  local action="${1:-start}"
  local pgbin=/usr/lib/postgresql/15/bin
  local state="${SOUSEI_PG_STATE:-/tmp/sousei-test-pg.state}"

  _sousei_pg_as() {
    # Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$@"
    else
      "$@"
    fi
  }

  case "$action" in
    start)
      if [ ! -x "$pgbin/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
        echo "test-services: installing postgresql-15-postgis-3 from Debian's packages" >&2
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 >/dev/null 2>&1 || {
          echo "test-services: apt-get install postgresql-15-postgis-3 failed" >&2
          return 1
        }
      fi

      if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
      fi

      # A cluster left over by an interrupted run: stop it first.
      if [ -f "$state" ]; then
        "${BASH_SOURCE[0]}" stop >/dev/null 2>&1 || true
      fi

      local dir
      dir=$(mktemp -d /tmp/sousei-pg.XXXXXX) || return 1
      chmod 755 "$dir"
      [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
      if ! _sousei_pg_as "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
        echo "test-services: initdb failed:" >&2
        tail -n 20 "$dir/initdb.log" >&2
        return 1
      fi

      local durable="off"
      [ "${SOUSEI_PG_DURABLE:-0}" = "1" ] && durable="on"
      cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
work_mem = 64MB
maintenance_work_mem = 256MB
fsync = $durable
synchronous_commit = $durable
full_page_writes = $durable
max_wal_size = 4GB
logging_collector = off
EOF

      # A free port: try random ones; postgres itself refuses a taken port, so retry on failure.
      local port="" try
      for try in 1 2 3 4 5 6 7 8; do
        local candidate=$((20000 + RANDOM % 40000))
        if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
          continue
        fi
        if _sousei_pg_as "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $candidate" -w -t 60 start >/dev/null 2>&1; then
          port=$candidate
          break
        fi
      done
      if [ -z "$port" ]; then
        echo "test-services: postgres did not start:" >&2
        tail -n 20 "$dir/server.log" >&2 2>/dev/null
        rm -rf "$dir"
        return 1
      fi

      printf 'dir=%s\nport=%s\n' "$dir" "$port" >"$state"
      if ! _sousei_pg_as "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
          -c "CREATE DATABASE sousei_test" >/dev/null 2>"$dir/psql.log" \
        || ! _sousei_pg_as "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d sousei_test -qAt -v ON_ERROR_STOP=1 \
          -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>>"$dir/psql.log"; then
        echo "test-services: creating the database or the postgis extension failed:" >&2
        cat "$dir/psql.log" >&2
        "${BASH_SOURCE[0]}" stop >/dev/null 2>&1
        return 1
      fi

      export SOUSEI_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres;Database=sousei_test;Pooling=true;Maximum Pool Size=50;Timeout=30;Command Timeout=600"
      export SOUSEI_TEST_PGDIR="$dir"
      echo "test-services: PostgreSQL 15 + PostGIS on 127.0.0.1:$port (data in $dir)" >&2
      ;;
    stop)
      local dir="" port=""
      if [ -f "$state" ]; then
        dir=$(sed -n 's/^dir=//p' "$state")
        port=$(sed -n 's/^port=//p' "$state")
      fi
      dir="${dir:-${SOUSEI_TEST_PGDIR:-}}"
      if [ -n "$dir" ] && [ -d "$dir/data" ]; then
        _sousei_pg_as "$pgbin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
          || _sousei_pg_as "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
      fi
      case "$dir" in
        /tmp/sousei-pg.*) rm -rf "$dir" ;;
      esac
      rm -f "$state"
      ;;
    *)
      echo "usage: source scripts/test-services.sh start | scripts/test-services.sh stop" >&2
      return 2
      ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _sousei_pg_main "$@"
  exit $?
else
  _sousei_pg_main "$@"
fi
