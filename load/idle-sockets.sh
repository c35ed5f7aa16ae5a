#!/usr/bin/env bash
# Heap per idle socket (docs/benchmarks.md, "Idle sockets"), for each path in PATHS, each with a fresh
# Loket (the packaged jar, bench endpoints on) and Redis pinned to SERVER_CPU:
#   load/idle-sockets.sh
# It reads the used heap right after a full GC (jcmd GC.run, GC.heap_info) before any socket is open,
# opens SOCKETS sockets with SocketDriver (idle=, JDK HttpClient on DRIVER_CPU: it does not ask for
# permessage-deflate), each says hello and gets its answer, then reads it again; per socket = the
# difference / sockets open; the largest classes then in histogram-<path>.txt. One driver process holds at most ~19,900 sockets (open-files limit 20,000).
# Knobs: SOCKETS=5000 PATHS="/ws/chat /ws/echo" EXTRA_ARGS="" (more Loket arguments, e.g. a tuned buffer)
#   SERVER_CPU=0 DRIVER_CPU=1 PORT=18091 REDIS_PORT=16391 JVM_FLAGS="-Xms1g -Xmx2g -XX:+UseG1GC" SKIP_BUILD=1
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SOCKETS=${SOCKETS:-5000}
PATHS=${PATHS:-/ws/chat /ws/echo}
EXTRA_ARGS=${EXTRA_ARGS:-}
SERVER_CPU=${SERVER_CPU:-0}
DRIVER_CPU=${DRIVER_CPU:-1}
PORT=${PORT:-18091}
REDIS_PORT=${REDIS_PORT:-16391}
JVM_FLAGS=${JVM_FLAGS:--Xms1g -Xmx2g -XX:+UseG1GC}
OUT="$ROOT/load/target/idle-sockets-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
ulimit -n "$(ulimit -Hn)"
JAVA_HOME="$(./mvnw -v | sed -n 's/.*runtime: //p')"
JAR=${JAR:-$ROOT/target/loket-0.1.0-SNAPSHOT.jar}
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -DskipTests package
fi
"$JAVA_HOME/bin/javac" -d "$OUT/driver" load/src/test/java/nl/loket/load/SocketDriver.java

REDIS_PID="" APP_PID="" DRIVER_PID=""
# shellcheck source=load/common.sh
. "$ROOT/load/common.sh"
cleanup() { stop_pids $DRIVER_PID $APP_PID $REDIS_PID; }
trap cleanup EXIT INT TERM

heap_kib() {
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info | sed -n 's/.*garbage-first heap.*used \([0-9]*\)K.*/\1/p'
}

echo "| socket | sockets open | heap before (MiB) | heap with sockets (MiB) | heap per socket (KiB) |"
echo "|---|---|---|---|---|"
for path in $PATHS; do
  start_redis
  # shellcheck disable=SC2086 # EXTRA_ARGS are separate arguments
  SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT=$REDIS_PORT \
    taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" $JVM_FLAGS -jar "$JAR" \
    --server.port="$PORT" --server.address=127.0.0.1 --server.tomcat.max-connections=20000 \
    --loket.bench.echo-endpoint=true --spring.profiles.active=demo \
    --loket.gateway.limits.sockets-per-address="20000, 20000/1s" \
    --loket.gateway.limits.conversations-per-address="20000, 20000/1s" $EXTRA_ARGS >"$OUT/loket${path//\//-}.log" 2>&1 &
  APP_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "Loket did not start; see $OUT" >&2; exit 1; }
    sleep 0.5
  done
  sleep 3
  before=$(heap_kib)
  ready="$OUT/ready${path//\//-}"
  taskset -c "$DRIVER_CPU" "$JAVA_HOME/bin/java" -Xmx2g -cp "$OUT/driver" nl.loket.load.SocketDriver \
    url="ws://127.0.0.1:$PORT$path" mode=chat sockets="$SOCKETS" idle=600 ready="$ready" label=idle \
    2>"$OUT/driver${path//\//-}.log" &
  DRIVER_PID=$!
  for _ in $(seq 1 600); do
    [ -s "$ready" ] && break
    sleep 1
  done
  open=$(cat "$ready" 2>/dev/null || echo 0)
  sleep 3
  after=$(heap_kib)
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.class_histogram | head -22 >"$OUT/histogram${path//\//-}.txt"
  echo "| \`$path\` | $open | $((before / 1024)) | $((after / 1024)) | $(python3 -c "print(f'{($after - $before) / max($open, 1):.1f}')") |"
  kill "$DRIVER_PID" "$APP_PID" "$REDIS_PID" 2>/dev/null || true
  wait "$DRIVER_PID" "$APP_PID" "$REDIS_PID" 2>/dev/null || true
  DRIVER_PID="" APP_PID="" REDIS_PID=""
done
echo "logs: $OUT" >&2
