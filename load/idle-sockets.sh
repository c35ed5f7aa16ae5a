#!/usr/bin/env bash
# Heap per idle socket (docs/benchmarks.md, "Idle sockets"), one row per line of ROWS, each with a fresh
# Loket (a packaged jar, bench endpoints on) and Redis pinned to SERVER_CPU:
#   load/idle-sockets.sh
# Per row it reads the used heap right after a full GC (jcmd GC.run, GC.heap_info) and the RSS before any
# socket is open, opens SOCKETS sockets with IdleDriver processes of at most PER_DRIVER sockets each (the
# open-files limit is 20,000 per process) on DRIVER_CPU, each says hello (offering permessage-deflate
# when the row says so), gets its answer and stays open, then reads both again: per socket = the
# difference / sockets open. It keeps the full class histograms without and with the sockets and their
# difference per socket (histogram_diff.py) in the output directory.
# ROWS: "container;label;path;deflate;more Loket arguments;more JVM flags", one per line; container tomcat
# (the shipped jar) or jetty (target/loket-jetty.jar, built with -Pjetty). Each row gets its own port (PORT + row), so
# the previous row's closing sockets cannot hold the ports the next one needs.
# Knobs: TOMCAT_JAR and JETTY_JAR (copies, so a build during the run cannot change them) SOCKETS=19900 PER_DRIVER=10000 SERVER_CPU=0 DRIVER_CPU=1 PORT=18091 REDIS_PORT=16391
#   JVM_FLAGS="-Xms1g -Xmx4g -XX:+UseG1GC" SKIP_BUILD=1
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SOCKETS=${SOCKETS:-19900}
PER_DRIVER=${PER_DRIVER:-10000}
SERVER_CPU=${SERVER_CPU:-0}
DRIVER_CPU=${DRIVER_CPU:-1}
PORT=${PORT:-18091}
REDIS_PORT=${REDIS_PORT:-16391}
JVM_FLAGS=${JVM_FLAGS:--Xms1g -Xmx4g -XX:+UseG1GC}
ROWS=${ROWS:-"tomcat;echo (yardstick);/ws/echo;false;;
tomcat;chat, Tomcat's 8 KiB socket buffers;/ws/chat;false;--loket.websocket.socket-buffer-bytes=8192;
tomcat;chat, as shipped (2 KiB socket buffers);/ws/chat;false;;
tomcat;chat, as shipped, deflate offered (refused);/ws/chat;true;;
tomcat;echo, deflate offered (granted);/ws/echo;true;;
tomcat;chat, 2 KiB WebSocket write buffers too;/ws/chat;false;;-Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE=2048
jetty;echo (yardstick);/ws/echo;false;;
jetty;chat;/ws/chat;false;;"}
OUT="$ROOT/load/target/idle-sockets-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
# Loket holds every socket: it gets the hard limit (20,000 here), and the table shows the files it used
ulimit -n "$(ulimit -Hn)"
JAVA_HOME="$(./mvnw -v | sed -n 's/.*runtime: //p')"
declare -A JARS=([tomcat]="${TOMCAT_JAR:-$ROOT/target/loket-0.1.0-SNAPSHOT.jar}" [jetty]="${JETTY_JAR:-$ROOT/target/loket-jetty.jar}")
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "${JARS[tomcat]}" ]; then
  ./mvnw -q -B -DskipTests package
fi
if grep -q '^jetty;' <<<"$ROWS" && { [ -z "${SKIP_BUILD:-}" ] || [ ! -f "${JARS[jetty]}" ]; }; then
  ./mvnw -q -B -Dmaven.test.skip=true -Pjetty package # the tests use Tomcat's client
fi
"$JAVA_HOME/bin/javac" -d "$OUT/driver" load/src/test/java/nl/loket/load/IdleDriver.java

REDIS_PID="" APP_PID="" DRIVER_PIDS=""
# shellcheck source=load/common.sh
. "$ROOT/load/common.sh"
cleanup() { stop_pids $DRIVER_PIDS $APP_PID $REDIS_PID; }
trap cleanup EXIT INT TERM

heap_kib() {
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info | sed -n 's/.*garbage-first heap.*used \([0-9]*\)K.*/\1/p'
}
rss_kib() { sed -n 's/^VmRSS:[^0-9]*\([0-9]*\) kB/\1/p' "/proc/$APP_PID/status"; }
per_socket() { python3 -c "print(f'{($2 - $1) / max($3, 1):.1f}')"; }

echo "| container | socket | sockets open at the measurement (deflate granted) | Loket's open files | heap before / with (MiB) | heap per socket (KiB) | RSS before / with (MiB) | RSS per socket (KiB) |"
echo "|---|---|---|---|---|---|---|---|"
row=0
while IFS=";" read -r -u 3 container label path deflate extra jvm; do
  [ -n "$container" ] || continue
  row=$((row + 1))
  port=$((PORT + row))
  name="$row-$container"
  start_redis
  # shellcheck disable=SC2086 # extra and jvm hold separate arguments
  SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT=$REDIS_PORT \
    taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" $JVM_FLAGS $jvm -jar "${JARS[$container]}" \
    --server.port="$port" --server.address=127.0.0.1 --server.tomcat.max-connections=20000 \
    --loket.bench.echo-endpoint=true --spring.profiles.active=demo \
    --loket.gateway.limits.sockets-per-address="20000, 20000/1s" \
    --loket.gateway.limits.conversations-per-address="20000, 20000/1s" $extra >"$OUT/loket-$name.log" 2>&1 &
  APP_PID=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "Loket did not start; see $OUT" >&2; exit 1; }
    sleep 0.5
  done
  sleep 3
  before=$(heap_kib)
  rss_before=$(rss_kib)
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.class_histogram >"$OUT/histogram-$name-before.txt"
  files_before=$(find "/proc/$APP_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  DRIVER_PIDS=""
  left=$SOCKETS driver=0
  while [ "$left" -gt 0 ]; do
    n=$((left < PER_DRIVER ? left : PER_DRIVER))
    driver=$((driver + 1))
    taskset -c "$DRIVER_CPU" "$JAVA_HOME/bin/java" -Xmx1g -cp "$OUT/driver" nl.loket.load.IdleDriver \
      url="ws://127.0.0.1:$port$path" sockets="$n" idle=1200 deflate="$deflate" ready="$OUT/ready-$name-$driver" \
      2>"$OUT/driver-$name-$driver.log" &
    DRIVER_PIDS="$DRIVER_PIDS $!"
    left=$((left - n))
  done
  for _ in $(seq 1 900); do
    [ "$(cat "$OUT"/ready-"$name"-* 2>/dev/null | wc -l)" -ge "$driver" ] && break
    sleep 1
  done
  read -r open granted < <(cat "$OUT"/ready-"$name"-* 2>/dev/null | awk '{o += $1; g += $2} END {print o + 0, g + 0}')
  sleep 3
  after=$(heap_kib)
  rss_after=$(rss_kib)
  files=$(find "/proc/$APP_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  # a socket the server closed meanwhile holds nothing: count only those still open (one file each)
  open=$((files - files_before < open ? files - files_before : open))
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.class_histogram >"$OUT/histogram-$name-with.txt"
  python3 load/histogram_diff.py "$OUT/histogram-$name-before.txt" "$OUT/histogram-$name-with.txt" "$open" \
    >"$OUT/histogram-$name-per-socket.md"
  echo "| $container | $label (\`$path\`) | $open ($granted) | $files | $((before / 1024)) / $((after / 1024)) | $(per_socket "$before" "$after" "$open") | $((rss_before / 1024)) / $((rss_after / 1024)) | $(per_socket "$rss_before" "$rss_after" "$open") |"
  # shellcheck disable=SC2086 # one pid each
  stop_pids $DRIVER_PIDS "$APP_PID" "$REDIS_PID"
  DRIVER_PIDS="" APP_PID="" REDIS_PID=""
done 3<<<"$ROWS"
echo "logs: $OUT" >&2
