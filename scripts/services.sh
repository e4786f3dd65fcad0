#!/usr/bin/env bash
# Private PostgreSQL and Redis for this project: installed from Debian when missing (as root),
# started under a git-ignored folder on non-default ports, never touching a system-wide server.
#
#   scripts/services.sh start|stop|status [postgres|redis]    (default: both)
#
# Settings (environment):
#   FF_DATA_DIR     folder for data, logs and pid files   (default: <repo>/.local)
#   FF_PG_PORT      PostgreSQL port                        (default: 55432)
#   FF_REDIS_PORT   Redis port                             (default: 56379)
#   FF_PG_DATABASE  database created for the service       (default: foodfast)
#
# `stop` stops this project's servers on the given ports, whichever data folder they use:
#   FF_PG_PORT=55433 FF_REDIS_PORT=56380 scripts/services.sh stop     (the test suite's servers)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${FF_DATA_DIR:-$repo/.local}"
pg_port="${FF_PG_PORT:-55432}"
redis_port="${FF_REDIS_PORT:-56379}"
pg_db="${FF_PG_DATABASE:-foodfast}"
pg_dir="$data_dir/pg"
# As root, Postgres runs as the 'postgres' user, which may not be able to reach a repo under /root:
# then its data lives under /var/lib/foodfast, keyed by the data folder's path. The data folder is
# created first so the choice does not flip between the first run and the next, and a cluster
# already there keeps being used.
mkdir -p "$data_dir"
fallback_pg_dir="/var/lib/foodfast/$(printf '%s' "$data_dir" | md5sum | cut -c1-12)/pg"
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 \
  && { [ -f "$fallback_pg_dir/data/PG_VERSION" ] || ! runuser -u postgres -- test -x "$(dirname "$data_dir")" 2>/dev/null; }; then
  pg_dir="$fallback_pg_dir"
fi
redis_dir="$data_dir/redis"

say() { printf '[services] %s\n' "$*"; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/{17,16,15}/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
}

# Postgres refuses to run as root: as root we run it as the 'postgres' system user.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing() {
  local need=()
  [ -n "$(pg_bin)" ] || need+=(postgresql)
  command -v redis-server >/dev/null || need+=(redis-server)
  [ ${#need[@]} -eq 0 ] && return
  if [ "$(id -u)" != 0 ]; then
    die "missing ${need[*]}; install with: sudo apt-get update && sudo apt-get install -y ${need[*]}"
  fi
  say "installing ${need[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_running() { [ -f "$pg_dir/data/postmaster.pid" ] && as_pg_user "$(pg_bin)/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; }

start_pg() {
  local bin; bin="$(pg_bin)"
  if pg_running; then say "postgres already running on 127.0.0.1:$pg_port"; return; fi
  mkdir -p "$pg_dir"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir"; fi
  if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    say "initialising postgres in $pg_dir/data"
    as_pg_user "$bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
      || die "initdb failed, see $pg_dir/initdb.log"
  fi
  # A pid file left by a killed server would make pg_ctl refuse to start: drop it when its process is gone.
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    local pid; pid="$(head -1 "$pg_dir/data/postmaster.pid")"
    kill -0 "$pid" 2>/dev/null || { say "removing stale postmaster.pid"; rm -f "$pg_dir/data/postmaster.pid"; }
  fi
  port_in_use "$pg_port" && die "port $pg_port is taken by another program; set FF_PG_PORT to a free port"
  # Our ports sit in Linux's ephemeral range: a closed client connection that used the port as its own can hold it in
  # TIME_WAIT for up to a minute, and Postgres then cannot bind. Wait that out rather than fail.
  local attempt
  for attempt in 1 2 3 4 5 6 7; do
    as_pg_user "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300 -c shared_buffers=256MB -c fsync=${FF_PG_FSYNC:-on} -c synchronous_commit=${FF_PG_SYNC_COMMIT:-on}" >/dev/null 2>&1 \
      && break
    tail -5 "$pg_dir/postgres.log" | grep -q "Address already in use" && [ "$attempt" -lt 7 ] \
      || die "postgres did not start, see $pg_dir/postgres.log"
    say "port $pg_port is still held by a closed connection (TIME_WAIT); retrying in 10 s"
    sleep 10
  done
  if ! as_pg_user "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "select 1 from pg_database where datname='$pg_db'" postgres | grep -q 1; then
    as_pg_user "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$pg_db"
  fi
  say "postgres running on 127.0.0.1:$pg_port (database $pg_db)"
}

redis_pid() { [ -f "$redis_dir/redis.pid" ] && cat "$redis_dir/redis.pid"; }
redis_running() { local pid; pid="$(redis_pid 2>/dev/null)" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

start_redis() {
  if redis_running; then say "redis already running on 127.0.0.1:$redis_port"; return; fi
  mkdir -p "$redis_dir"
  rm -f "$redis_dir/redis.pid"
  port_in_use "$redis_port" && die "port $redis_port is taken by another program; set FF_REDIS_PORT to a free port"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$redis_dir" --daemonize yes \
    --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" --save "" --appendonly no >/dev/null
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 || die "redis did not start, see $redis_dir/redis.log"
  say "redis running on 127.0.0.1:$redis_port"
}

# The data folder of our Postgres that listens on $pg_port, wherever it lives: the test suite's servers use another
# data folder (.local/test) than start.sh's, and `stop` is often run with only the port at hand.
# Line 4 of postmaster.pid is the server's port.
pg_dir_on_port() {
  local pid_file
  for pid_file in "$pg_dir/data/postmaster.pid" "$repo"/.local/pg/data/postmaster.pid "$repo"/.local/*/pg/data/postmaster.pid \
    /var/lib/foodfast/*/pg/data/postmaster.pid; do
    [ -f "$pid_file" ] && [ "$(sed -n 4p "$pid_file")" = "$pg_port" ] && { dirname "$(dirname "$pid_file")"; return; }
  done
  return 1
}

stop_pg() {
  local dir
  if dir="$(pg_dir_on_port)" && as_pg_user "$(pg_bin)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_pg_user "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null && say "postgres on port $pg_port stopped ($dir)"
  elif port_in_use "$pg_port"; then
    say "postgres: port $pg_port is served by a server this project did not start; left running"
  else
    say "postgres: nothing runs on port $pg_port"
  fi
}

# Only a Redis whose working folder is one of ours is shut down.
stop_redis() {
  local dir
  if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then say "redis: nothing runs on port $redis_port"; return; fi
  dir="$(redis-cli -p "$redis_port" config get dir 2>/dev/null | sed -n 2p)"
  case "$dir" in
    "$redis_dir"|"$repo"/.local/*)
      redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
      say "redis on port $redis_port stopped ($dir)" ;;
    *) say "redis: port $redis_port is served by a server this project did not start ($dir); left running" ;;
  esac
}

status() {
  local rc=0
  if pg_running; then say "postgres: running on 127.0.0.1:$pg_port ($pg_dir)"; else say "postgres: stopped"; rc=3; fi
  if redis_running; then say "redis: running on 127.0.0.1:$redis_port ($redis_dir)"; else say "redis: stopped"; rc=3; fi
  return $rc
}

which="${2:-all}"
case "$which" in all|postgres|redis) ;; *) echo "usage: $0 start|stop|status [postgres|redis]" >&2; exit 2 ;; esac
want() { [ "$which" = all ] || [ "$which" = "$1" ]; }
case "${1:-}" in
  start) install_missing; if want postgres; then start_pg; fi; if want redis; then start_redis; fi ;;
  stop) if want postgres && [ -n "$(pg_bin)" ]; then stop_pg; fi; if want redis; then stop_redis; fi ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status [postgres|redis]" >&2; exit 2 ;;
esac
