#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests marked `postgres` (issue 19 pt 4), from Debian's
# package: installed when missing, a fresh cluster in a temporary folder, listening on 127.0.0.1 on
# a free port, fsync off (nothing in it is worth keeping). Runs the command given with
# ANEF_TEST_POSTGRES_URL set, then stops the server and removes the folder, whatever the outcome:
#
#   scripts/postgres.sh .venv/bin/python -m pytest -m postgres tests/fake_anef
#
# PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user the
# package creates.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS…]" >&2; exit 2; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bindir)" ]; then
  echo "postgres.sh: installation de PostgreSQL (paquet Debian)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq postgresql >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null; }
fi
BIN="$(bindir)"
[ -n "$BIN" ] || { echo "postgres.sh: PostgreSQL introuvable après installation" >&2; exit 1; }

DIR="$(mktemp -d -t anef-pg.XXXXXX)"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -ne 0 ] || chown postgres "$DIR"

stop() {
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

as_owner "$BIN/initdb" -D "$DIR/data" -U anef -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -F" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U anef anef_test
export ANEF_TEST_POSTGRES_URL="postgresql://anef@127.0.0.1:$PORT/anef_test"
echo "postgres.sh: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') sur 127.0.0.1:$PORT (ANEF_TEST_POSTGRES_URL)" >&2
"$@"
