# Shared by the bench/*/run.sh scripts (source it): a throwaway PostgreSQL 15 + Redis on
# free loopback ports, the service built and started against them, clean-up on exit, and
# the generated section of docs/BENCHMARKS.md. Every script that sources it is bounded in
# time (MAX_SECONDS) and sends traffic to 127.0.0.1 only.
#
#   . "$(dirname "$0")/../lib.sh"; bench_init auth
#   bench_start_cluster; bench_start_service -Dsome.setting=1
#   ... measure ...; bench_write_section "Title" "$markdown"

bench_init() {
  BENCH_NAME=$1
  BENCH_HERE=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
  BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  BENCH_COMMAND=${BENCH_COMMAND:-bench/$BENCH_NAME/run.sh}
  cd "$BENCH_REPO"
  JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  [ -x "$JDK/bin/java" ] || JDK=/usr/lib/jvm/temurin-25-jdk-amd64
  BENCH_T0=$(date +%s)
  BENCH_STATE=$(mktemp -d "${TMPDIR:-/tmp}/tonehone-bench-$BENCH_NAME.XXXXXX")
  BENCH_SERVICE_PID=
  ( sleep "${MAX_SECONDS:-1800}"; echo "bench/$BENCH_NAME: over ${MAX_SECONDS:-1800}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
  BENCH_WATCHDOG=$!
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

log() { printf '[%4ds] %s\n' "$(( $(date +%s) - BENCH_T0 ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  kill "$BENCH_WATCHDOG" 2>/dev/null || true
  bench_stop_service
  "$BENCH_REPO/db/local/services.sh" destroy "$BENCH_STATE" >/dev/null 2>&1 || true
  rm -rf "$BENCH_STATE"
  [ "$rc" -eq 0 ] || log "failed (exit $rc); throwaway cluster removed"
  exit "$rc"
}

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

bench_start_cluster() {
  local pg_port redis_port
  pg_port=$(free_port)
  redis_port=$(free_port)
  while [ "$redis_port" = "$pg_port" ]; do redis_port=$(free_port); done
  log "throwaway PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
  db/local/services.sh start "$BENCH_STATE" "$pg_port" "$redis_port" --throwaway 2>/dev/null
  # shellcheck disable=SC1091
  . "$BENCH_STATE/secrets.env"
}

# role_creds owner|app|super: "user password" of the throwaway cluster's role.
role_creds() {
  case $1 in
    owner) echo "$DB_OWNER" "$DB_OWNER_PASSWORD" ;;
    app) echo "$DB_APP_USER" "$DB_APP_PASSWORD" ;;
    super) echo postgres "$PG_SUPERUSER_PASSWORD" ;;
    *) die "unknown role $1" ;;
  esac
}

# psql_as owner|app|super [psql arguments...]
psql_as() {
  local who=$1 user pass
  shift
  read -r user pass < <(role_creds "$who")
  PGPASSWORD=$pass PGOPTIONS="-c client_min_messages=warning" \
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$user" -d "$DB_NAME" "$@"
}

# bench_build_service [REVISION]: without REVISION, uses target/quarkus-app when it is newer
# than every source file, else builds a private copy of the working tree (the shared target/
# is left alone); with a git REVISION, builds that commit's sources in a private directory.
# Sets BENCH_JAR_DIR.
bench_build_service() {
  local revision=${1:-} dir
  dir=$BENCH_STATE/build${revision:+-$revision}
  if [ -z "$revision" ] && [ -f target/quarkus-app/quarkus-run.jar ] \
     && [ -z "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    # A copy: another build may clean the shared target/ while the service restarts from it.
    log "using a copy of target/quarkus-app (newer than every source file)"
    mkdir -p "$dir/target" "$dir/src/test/resources"
    cp -r target/quarkus-app "$dir/target/" && cp -r src/test/resources/dev-keys "$dir/src/test/resources/" \
      || die "could not copy target/quarkus-app"
    BENCH_JAR_DIR=$dir
    return
  fi
  mkdir -p "$dir"
  if [ -n "$revision" ]; then
    log "building the service at $revision ($(git rev-parse --short "$revision"))"
    git archive "$revision" pom.xml mvnw .mvn src | tar -x -C "$dir"
  else
    log "building the service (private copy of the working tree)"
    cp -r pom.xml mvnw .mvn src "$dir/"
  fi
  (cd "$dir" && JAVA_HOME=$JDK timeout 600 ./mvnw -B -ntp -q package -DskipTests > "$dir.log" 2>&1) \
    || { tail -30 "$dir.log" >&2; die "the service did not build"; }
  BENCH_JAR_DIR=$dir
}

# bench_start_service [-Dname=value ...]: the dev profile (its keys are the committed test
# keys), loopback only, on BENCH_SERVICE_PORT if set (a restart keeps its address), else a
# free port; waits until ready. Sets BENCH_HTTP (base URL).
bench_start_service() {
  [ -n "${BENCH_JAR_DIR:-}" ] || bench_build_service
  local port
  port=${BENCH_SERVICE_PORT:-$(free_port)}
  (
    eval "$(db/local/services.sh env "$BENCH_STATE")"
    cd "$BENCH_JAR_DIR"
    exec "$JDK/bin/java" -Dquarkus.profile=dev -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      "$@" -jar target/quarkus-app/quarkus-run.jar
  ) >> "$BENCH_STATE/service.log" 2>&1 &
  BENCH_SERVICE_PID=$!
  BENCH_HTTP=http://127.0.0.1:$port
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$BENCH_HTTP/q/health/ready" && { log "service ready on $BENCH_HTTP"; return; }
    kill -0 "$BENCH_SERVICE_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -30 "$BENCH_STATE/service.log" >&2
  die "the service did not become ready"
}

bench_stop_service() {
  if [ -n "${BENCH_SERVICE_PID:-}" ] && kill -0 "$BENCH_SERVICE_PID" 2>/dev/null; then
    kill "$BENCH_SERVICE_PID" 2>/dev/null || true
    wait "$BENCH_SERVICE_PID" 2>/dev/null || true
  fi
  BENCH_SERVICE_PID=
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# Of a pgbench summary (a file, or standard input): its TPS, its average latency in ms.
tps_of() { sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "${1:--}"; }
lat_of() { sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "${1:--}"; }

# One line naming the machine, the database and the code measured.
bench_machine() {
  local cpu mem pg commit dirty=""
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
  mem=$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)
  pg=$(psql_as super -At -c "select split_part(current_setting('server_version'), ' ', 1)")
  commit=$(git rev-parse --short HEAD)
  [ -z "$(git status --porcelain -- src pom.xml)" ] || dirty=" (working tree with uncommitted changes)"
  echo "$(nproc) cores ($cpu), $mem GiB RAM, PostgreSQL $pg (throwaway cluster, fsync $(psql_as super -At -c "show fsync")), Java $("$JDK/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), git commit $commit$dirty"
}

# bench_write_section "Heading" "markdown": replaces this script's generated block in
# docs/BENCHMARKS.md (between its markers), or appends the section with it.
bench_write_section() {
  local heading=$1 body=$2 doc=docs/BENCHMARKS.md
  local begin="<!-- BEGIN generated by $BENCH_COMMAND: rewritten by every run, edit outside these markers -->"
  local end="<!-- END generated by $BENCH_COMMAND -->"
  mkdir -p "$BENCH_HERE/results"
  printf '%s\n' "$body" > "$BENCH_HERE/results/${BENCH_SUMMARY:-summary.md}"
  BEGIN_MARK=$begin END_MARK=$end BODY=$body HEADING=$heading python3 - "$doc" <<'PY'
import os, sys
path = sys.argv[1]
begin, end = os.environ["BEGIN_MARK"], os.environ["END_MARK"]
block = begin + "\n" + os.environ["BODY"].strip("\n") + "\n" + end
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + "\n\n## " + os.environ["HEADING"] + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
}
