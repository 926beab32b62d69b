#!/usr/bin/env bash
# Starts or stops the real services the test suite talks to:
#   - a throwaway PostgreSQL 15 cluster (initdb + pg_ctl, as the postgres
#     user when run as root) on 127.0.0.1:$HALLWAY_TEST_PG_PORT;
#   - an SMTP sink (Debian's python3-aiosmtpd, Mailbox handler) on
#     127.0.0.1:$HALLWAY_TEST_SMTP_PORT writing to a Maildir.
# Usage: scripts/test-services.sh start|stop STATE_DIR
# `start` prints the environment variables the tests read (eval them).
set -euo pipefail

action=${1:?usage: test-services.sh start|stop STATE_DIR}
state=${2:?usage: test-services.sh start|stop STATE_DIR}
pg_port=${HALLWAY_TEST_PG_PORT:-55432}
smtp_port=${HALLWAY_TEST_SMTP_PORT:-25250}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    mkdir -p "$state"
    chmod 755 "$state"
    pgdata="$state/pgdata"
    if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres "$pgdata"; else mkdir -p "$pgdata"; fi
    echo "test-services: initdb $pgdata" >&2
    as_pg "$pg_bin/initdb" -D "$pgdata" -U postgres --auth=trust --no-sync -E UTF8 >"$state/initdb.log" 2>&1
    echo "test-services: starting PostgreSQL on 127.0.0.1:$pg_port" >&2
    as_pg "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pgdata -c fsync=off -c max_connections=300" start >&2
    mkdir -p "$state/maildir"/{new,cur,tmp}
    echo "test-services: starting SMTP sink on 127.0.0.1:$smtp_port" >&2
    /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$state/maildir" \
      >"$state/smtp.log" 2>&1 &
    echo $! >"$state/smtp.pid"
    for _ in $(seq 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break
      sleep 0.1
    done
    echo "export HALLWAY_TEST_PG_URL=postgresql://postgres@127.0.0.1:$pg_port"
    echo "export HALLWAY_TEST_SMTP_PORT=$smtp_port"
    echo "export HALLWAY_TEST_MAILDIR=$state/maildir"
    ;;
  stop)
    if [ -f "$state/smtp.pid" ]; then kill "$(cat "$state/smtp.pid")" 2>/dev/null || true; fi
    if [ -d "$state/pgdata" ]; then
      as_pg "$pg_bin/pg_ctl" -D "$state/pgdata" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$state"
    ;;
  *) echo "usage: test-services.sh start|stop STATE_DIR" >&2; exit 2 ;;
esac
