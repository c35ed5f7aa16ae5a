#!/usr/bin/env bash
# Reproduces the "Customer channel" figures of docs/benchmarks.md with one command:
#   load/run-benchmarks.sh            (from the repository root or anywhere else)
# It builds the jar, starts a Redis and Loket (packaged jar, echo endpoint on), and for each of RUNS runs:
#   1. idle sockets on /ws/chat, /ws/echo and /ws/echo-plain (no permessage-deflate), a fresh Loket each: heap after a full GC and RSS,
#      before and with SOCKETS sockets open;
#   2. ChannelThroughputSimulation (a fresh Loket): echo and chat back to back.
# Then it prints the medians as markdown tables. Everything it starts is stopped by PID on exit.
# Needs: a JDK >= 21 (the wrapper finds one), redis-server 7 (apt-get install -y redis-server), ss, curl.
# Knobs (environment): RUNS=3 SOCKETS=10000 USERS=50 RATE=200 PHASE_SECONDS=15 WARMUP_SECONDS=10
#   IDLE_RAMP_SECONDS=40 IDLE_HOLD_SECONDS=30 PORT=18080 REDIS_PORT=16379
#   SERVER_CPU=0 DRIVER_CPU=1 (taskset; Loket and Redis on one core, Gatling on the other)
#   JVM_FLAGS="-Xms1g -Xmx2g -XX:+UseG1GC" SKIP_BUILD=1 (reuse target/*.jar)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS=${RUNS:-3}
SOCKETS=${SOCKETS:-10000}
USERS=${USERS:-50}
RATE=${RATE:-200}
PHASE_SECONDS=${PHASE_SECONDS:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
IDLE_RAMP_SECONDS=${IDLE_RAMP_SECONDS:-40}
IDLE_HOLD_SECONDS=${IDLE_HOLD_SECONDS:-30}
PORT=${PORT:-18080}
REDIS_PORT=${REDIS_PORT:-16379}
SERVER_CPU=${SERVER_CPU:-0}
DRIVER_CPU=${DRIVER_CPU:-1}
JVM_FLAGS=${JVM_FLAGS:--Xms1g -Xmx2g -XX:+UseG1GC}
OUT="$ROOT/load/target/bench-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: >"$RESULTS"

# one Gatling process holds ~19,900 sockets at most: the open-files hard limit is 20,000 here
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((SOCKETS + 200)) ]; then
  echo "open-files limit $(ulimit -n) is too low for $SOCKETS sockets" >&2
  exit 1
fi
command -v redis-server >/dev/null || { echo "needs redis-server: apt-get install -y redis-server" >&2; exit 1; }

JAVA_HOME="$(./mvnw -v | sed -n 's/.*runtime: //p')"
[ -x "$JAVA_HOME/bin/jcmd" ] || { echo "no JDK >= 21 found (got '$JAVA_HOME')" >&2; exit 1; }
export JAVA_HOME
JAR="$ROOT/target/loket-0.1.0-SNAPSHOT.jar"
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B -f load/pom.xml test-compile

REDIS_PID="" APP_PID="" GATLING_PID=""
# shellcheck source=load/common.sh
. "$ROOT/load/common.sh"
cleanup() { stop_pids $GATLING_PID $APP_PID $REDIS_PID; }
trap cleanup EXIT INT TERM
start_redis

start_app() { # $1: log name
  redis-cli -p "$REDIS_PORT" flushall >/dev/null
  SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT=$REDIS_PORT \
    taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" $JVM_FLAGS -jar "$JAR" \
    --server.port="$PORT" --server.address=127.0.0.1 --server.tomcat.max-connections=20000 \
    --loket.bench.echo-endpoint=true \
    --loket.gateway.limits.frames-per-socket="1000, 1000/1s" --loket.gateway.limits.sockets-per-address="20000, 20000/1s" \
    --loket.gateway.limits.conversations-per-address="20000, 20000/1s" --loket.gateway.limits.messages-per-conversation="100000, 1000/1s" --spring.profiles.active=demo >"$OUT/$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "Loket did not start; see $OUT/$1.log" >&2
  exit 1
}

stop_app() {
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

heap_kib() { # used heap right after a full GC
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info | sed -n 's/.*garbage-first heap.*used \([0-9]*\)K.*/\1/p'
}

rss_kib() {
  sed -n 's/^VmRSS:[^0-9]*\([0-9]*\) kB/\1/p' "/proc/$APP_PID/status"
}

open_sockets() {
  ss -Htn state established "( sport = :$PORT )" | wc -l
}

gatling() { # $1: simulation, $2: log name, rest: -D options
  local simulation=$1 log=$2
  shift 2
  taskset -c "$DRIVER_CPU" ./mvnw -B -f load/pom.xml gatling:test -Dgatling.simulationClass="nl.loket.load.$simulation" \
    -Dloket.target="ws://127.0.0.1:$PORT" "$@" >"$OUT/$log.log" 2>&1
}

latest_stats() { # $1: simulation
  local dir
  dir="$(ls -td load/target/gatling/"$(echo "$1" | tr '[:upper:]' '[:lower:]')"-* | head -1)"
  echo "$dir/index.html"
}

for run in $(seq 1 "$RUNS"); do
  for channel in chat echo echo-plain; do
    echo "run $run: $SOCKETS idle $channel sockets" >&2
    start_app "run$run-idle-$channel"
    sleep 5
    heap_before=$(heap_kib)
    rss_before=$(rss_kib)
    gatling IdleSocketsSimulation "run$run-idle-$channel-gatling" -Dloket.channel="$channel" \
      -Dloket.sockets="$SOCKETS" -Dloket.rampSeconds="$IDLE_RAMP_SECONDS" -Dloket.holdSeconds="$IDLE_HOLD_SECONDS" &
    GATLING_PID=$!
    for _ in $(seq 1 300); do # a loaded machine can take minutes to accept 10,000 sockets
      [ "$(open_sockets)" -ge "$SOCKETS" ] && break
      sleep 1
    done
    open=$(open_sockets)
    sleep 3
    heap_after=$(heap_kib)
    rss_after=$(rss_kib)
    conversations=$(redis-cli -p "$REDIS_PORT" eval "return #redis.call('keys', 'loket:conversation:*:meta')" 0 2>/dev/null || echo 0)
    redis_bytes=$(redis-cli -p "$REDIS_PORT" info memory | sed -n 's/^used_memory:\([0-9]*\)\r$/\1/p')
    printf 'idle\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$channel" "$open" "$heap_before" "$heap_after" \
      "$rss_before" "$rss_after" "$conversations" "$redis_bytes" >>"$RESULTS"
    wait "$GATLING_PID" || echo "run $run idle $channel: Gatling reported failures (see $OUT)" >&2
    GATLING_PID=""
    stop_app
  done

  echo "run $run: throughput, echo and chat back to back" >&2
  start_app "run$run-throughput"
  gatling ChannelThroughputSimulation "run$run-throughput-gatling" -Dloket.users="$USERS" -Dloket.rate="$RATE" \
    -Dloket.phaseSeconds="$PHASE_SECONDS" -Dloket.warmupSeconds="$WARMUP_SECONDS" || echo "run $run throughput: Gatling reported failures" >&2
  printf 'throughput\t%s\t%s\n' "$run" "$(latest_stats ChannelThroughputSimulation)" >>"$RESULTS"
  stop_app
done

python3 "$ROOT/load/summarize.py" "$RESULTS" "$SOCKETS" "$PHASE_SECONDS" "$REDIS_VERSION" | tee "$OUT/summary.md"
echo "raw results, logs and Gatling reports: $OUT and load/target/gatling/" >&2
