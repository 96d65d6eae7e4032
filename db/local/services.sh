#!/usr/bin/env bash
# A private PostgreSQL 15 cluster and a password-protected Redis on loopback, for bin/run
# (kept in .local/) and bin/test (throwaway). Never touches the machine's own services.
#
#   db/local/services.sh start DIR PG_PORT REDIS_PORT [--throwaway]
#   db/local/services.sh env DIR     # prints the export lines the service reads
#   db/local/services.sh stop DIR
#
# DIR holds the data, the logs and secrets.env (generated passwords). --throwaway trades
# durability for speed (fsync off): for test clusters that are deleted afterwards.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

die() { echo "services.sh: $*" >&2; exit 1; }

ensure_packages() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client-15)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]} (install them, or run as root)"
    echo "services.sh: installing ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# initdb and postgres refuse to run as root: when we are root, the cluster belongs to 'postgres'.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

load_state() {
  local dir=$1
  [ -f "$dir/secrets.env" ] || die "$dir has no secrets.env: start it first"
  # shellcheck disable=SC1091
  . "$dir/secrets.env"
}

# The cluster lives in DIR/pg unless the postgres user cannot reach DIR (a clone under a
# private home folder): then under /var/tmp, keyed by DIR, with DIR/pg-location pointing at it.
pg_data_dir() {
  local dir=$1
  if [ -f "$dir/pg-location" ]; then cat "$dir/pg-location"; return; fi
  local candidate="$dir/pg"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
    candidate="/var/tmp/tonehone-pg-$(printf '%s' "$dir" | sha256sum | cut -c1-16)"
  fi
  echo "$candidate" > "$dir/pg-location"
  echo "$candidate"
}

start() {
  local dir=$1 pg_port=$2 redis_port=$3 throwaway=${4:-}
  ensure_packages
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 755 "$dir"
  if [ ! -f "$dir/secrets.env" ]; then
    umask 077
    cat > "$dir/secrets.env" <<SECRETS
PG_PORT=$pg_port
REDIS_PORT=$redis_port
PG_SUPERUSER_PASSWORD=$(random_secret)
DB_NAME=tonehone
DB_OWNER=tonehone_owner
DB_OWNER_PASSWORD=$(random_secret)
DB_APP_USER=tonehone_app
DB_APP_PASSWORD=$(random_secret)
REDIS_PASSWORD=$(random_secret)
SECRETS
    umask 022
  fi
  load_state "$dir"

  local pgdata
  pgdata=$(pg_data_dir "$dir")
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    mkdir -p "$pgdata"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pgdata"
    chmod 700 "$pgdata"
    local pwfile
    pwfile=$(mktemp)
    printf '%s\n' "$PG_SUPERUSER_PASSWORD" > "$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pwfile"
    as_pg "$PG_BIN/initdb" -D "$pgdata" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    {
      echo "# ToneHone local cluster (db/local/services.sh)"
      cat "$here/postgresql.conf"
      echo "port = $PG_PORT"
      if [ "$throwaway" = "--throwaway" ]; then cat "$here/postgresql.throwaway.conf"; fi
    } | as_pg tee -a "$pgdata/postgresql.conf" >/dev/null
  fi

  if as_pg "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    echo "services.sh: PostgreSQL already running on 127.0.0.1:$PG_PORT" >&2
  else
    port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another process (PostgreSQL for $dir); bin/run takes TONEHONE_LOCAL_PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start >/dev/null \
      || { tail -20 "$pgdata/server.log" >&2; die "PostgreSQL did not start"; }
  fi
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=$PG_SUPERUSER_PASSWORD psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -v owner="$DB_OWNER" -v owner_password="$DB_OWNER_PASSWORD" \
    -v app="$DB_APP_USER" -v app_password="$DB_APP_PASSWORD" -v dbname="$DB_NAME" \
    -f "$repo/db/provision.sql" >/dev/null

  mkdir -p "$dir/redis"
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --no-auth-warning -a "$REDIS_PASSWORD" ping 2>/dev/null | grep -q PONG; then
    echo "services.sh: Redis already running on 127.0.0.1:$REDIS_PORT" >&2
  else
    port_in_use "$REDIS_PORT" && die "port $REDIS_PORT is taken by another process (Redis for $dir); bin/run takes TONEHONE_LOCAL_REDIS_PORT"
    # The password goes in through a config file, not the command line that ps shows.
    cat > "$dir/redis/redis.conf" <<CONF
bind 127.0.0.1
port $REDIS_PORT
requirepass $REDIS_PASSWORD
daemonize yes
dir $dir/redis
pidfile $dir/redis/redis.pid
logfile $dir/redis/redis.log
save ""
appendonly no
CONF
    chmod 600 "$dir/redis/redis.conf"
    redis-server "$dir/redis/redis.conf"
    for _ in $(seq 1 50); do
      redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --no-auth-warning -a "$REDIS_PASSWORD" ping 2>/dev/null | grep -q PONG && break
      sleep 0.1
    done
  fi
  echo "services.sh: PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT (state in $dir)" >&2
}

env_lines() {
  local dir
  dir=$(cd "$1" && pwd)
  load_state "$dir"
  cat <<ENV
export QUARKUS_DATASOURCE_REACTIVE_URL='postgresql://127.0.0.1:$PG_PORT/$DB_NAME'
export QUARKUS_DATASOURCE_JDBC_URL='jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME'
export QUARKUS_DATASOURCE_USERNAME='$DB_APP_USER'
export QUARKUS_DATASOURCE_PASSWORD='$DB_APP_PASSWORD'
export QUARKUS_FLYWAY_USERNAME='$DB_OWNER'
export QUARKUS_FLYWAY_PASSWORD='$DB_OWNER_PASSWORD'
export TONEHONE_DB_APP_ROLE='$DB_APP_USER'
export QUARKUS_REDIS_HOSTS='redis://:$REDIS_PASSWORD@127.0.0.1:$REDIS_PORT'
export TONEHONE_LOCAL_PG_SUPERUSER_URL='postgresql://postgres:$PG_SUPERUSER_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME'
export TONEHONE_LOCAL_REDIS_CONF='$dir/redis/redis.conf'
ENV
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  [ -f "$dir/secrets.env" ] || return 0
  load_state "$dir"
  local pgdata
  pgdata=$(pg_data_dir "$dir")
  if [ -f "$pgdata/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null || true
  fi
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --no-auth-warning -a "$REDIS_PASSWORD" shutdown nosave >/dev/null 2>&1 || true
}

# Removes a throwaway DIR and its cluster, wherever pg_data_dir put it.
destroy() {
  local dir=$1
  [ -d "$dir" ] || return 0
  stop "$dir"
  if [ -f "$dir/pg-location" ]; then rm -rf "$(cat "$dir/pg-location")"; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# -ge 4 ] || die "usage: start DIR PG_PORT REDIS_PORT [--throwaway]"; start "$2" "$3" "$4" "${5:-}" ;;
  env) [ $# -eq 2 ] || die "usage: env DIR"; env_lines "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: stop DIR"; stop "$2" ;;
  destroy) [ $# -eq 2 ] || die "usage: destroy DIR"; destroy "$2" ;;
  *) die "usage: services.sh start|env|stop|destroy DIR ..." ;;
esac
