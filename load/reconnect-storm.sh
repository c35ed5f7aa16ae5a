#!/usr/bin/env bash
# The reconnect storm of docs/benchmarks.md ("Reconnect storm") with one command:
#   load/reconnect-storm.sh
# One Loket (the packaged jar) and its Redis pinned to SERVER_CPU, the driver
# (load/.../StormDriver.java, JDK HttpClient) pinned to DRIVER_CPU: SOCKETS customers each get one
# FAQ answer, send a second question, and once all are stored every socket is dropped at once; each
# reconnects and resumes with hello.lastSeq. It prints when they were welcomed back and had their
# answer, and the seqs lost or doubled over both sockets (the driver checks every seq).
# Needs: a JDK >= 21 (the wrapper finds one), redis-server (apt-get install -y redis-server), curl.
# Knobs (environment): SOCKETS=10000 DEADLINE=30 CONNECTING=1000 SERVER_CPU=0 DRIVER_CPU=1 PORT=18091
#   TRACE=1 (every frame of the first customer on stderr) REDIS_PORT=16391 JVM_FLAGS="-Xms1g -Xmx3g -XX:+UseG1GC" JAR=path SKIP_BUILD=1 (reuse target/*.jar)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SOCKETS=${SOCKETS:-10000}
DEADLINE=${DEADLINE:-30}
CONNECTING=${CONNECTING:-1000}
SERVER_CPU=${SERVER_CPU:-0}
DRIVER_CPU=${DRIVER_CPU:-1}
PORT=${PORT:-18091}
REDIS_PORT=${REDIS_PORT:-16391}
JVM_FLAGS=${JVM_FLAGS:--Xms1g -Xmx3g -XX:+UseG1GC}
OUT="$ROOT/load/target/reconnect-storm-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

# shellcheck source=load/common.sh
. "$ROOT/load/common.sh"
prepare_run
"$JAVA_HOME/bin/javac" -d "$OUT/driver" load/src/test/java/nl/loket/load/SocketDriver.java \
  load/src/test/java/nl/loket/load/StormDriver.java

REDIS_PID="" APP_PID=""
cleanup() { stop_pids $APP_PID $REDIS_PID; }
trap cleanup EXIT INT TERM
start_redis

# the budgets are for real customers: one driver address opens every socket, twice per conversation
start_loket "$JAR" "$PORT" "$REDIS_PORT" --server.tomcat.accept-count=2000 \
  --loket.gateway.limits.frames-per-socket="100000, 100000/1s" --loket.gateway.limits.sockets-per-address="40000, 40000/1s" \
  --loket.gateway.limits.conversations-per-address="40000, 40000/1s" \
  --loket.gateway.limits.sockets-per-conversation="10, 100/1s" \
  --loket.gateway.limits.messages-per-conversation="100000, 100000/1s"
APP_PID=$STARTED_PID

echo -e "sockets\tresumed in ${DEADLINE}s\twelcomed in ${DEADLINE}s\twelcome p50 ms\tp99\tmax\tresumed p50 ms\tp99\tmax\tlast resumed ms\tlost\tdoubled\terrors" \
  | tee "$OUT/results.tsv"
taskset -c "$DRIVER_CPU" "$JAVA_HOME/bin/java" -Xmx2g -cp "$OUT/driver" nl.loket.load.StormDriver \
  url="ws://127.0.0.1:$PORT/ws/chat" sockets="$SOCKETS" deadline="$DEADLINE" connecting="$CONNECTING" trace="${TRACE:-0}" \
  2> >(tee "$OUT/driver.log" >&2) | tee -a "$OUT/results.tsv"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); Redis $REDIS_VERSION; raw results and logs: $OUT" >&2
