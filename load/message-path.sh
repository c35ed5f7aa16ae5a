#!/usr/bin/env bash
# The message path of docs/benchmarks.md ("Message path") with one command:
#   load/message-path.sh
# In one run, against one Loket (the packaged jar, bench endpoints on) and its Redis, pinned together
# to SERVER_CPU, with the driver (load/.../SocketDriver.java, JDK HttpClient) pinned to DRIVER_CPU,
# it drives SOCKETS sockets in turn on the three targets, each warmed up and then measured:
#   echo  /ws/echo  the bare echo socket (same Tomcat, no work)
#   stub  /ws/stub  Loket's protocol (ack + two events, the gateway's own JSON) with no work behind it
#   loket /ws/chat  Loket itself: Redis log, routing, FAQ matcher on the shipped content, fan-out
# Closed loop (RATE=0: each socket sends its next question when the answer arrived) or a fixed total
# RATE of messages per second (open model, latency from the intended send time). The questions are
# load/questions-nl.txt, varied Dutch ones. It reads the server's CPU time from /proc and prints one
# table: messages/s, p50/p99, CPU per message. Everything it starts is stopped by PID on exit.
# Needs: a JDK >= 21 (the wrapper finds one), redis-server 7 (apt-get install -y redis-server), curl.
# Knobs (environment): RUNS=1 SOCKETS=1000 MEASURE_SECONDS=20 WARMUP=10 RATE=0 TARGETS="echo stub loket"
#   SERVER_CPU=0 DRIVER_CPU=1 PORT=18090 REDIS_PORT=16390 JVM_FLAGS="-Xms1g -Xmx2g -XX:+UseG1GC"
#   JAR=path (another build, e.g. the one before a change, for before/after in one session)
#   PROFILE=1 (a JFR recording of Loket's measured window in run 1, printed as top frames at the end) SKIP_BUILD=1 (reuse target/*.jar)
#   LOKET_BEFORE_JAR=path: one more target, "before": that jar (issue 13: the build before the redesign) on
#     /ws/chat, with a Redis of its own, started for its turn on the same core and stopped after it
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS=${RUNS:-1}
SOCKETS=${SOCKETS:-1000}
SECONDS_MEASURED=${MEASURE_SECONDS:-20}
WARMUP=${WARMUP:-10}
RATE=${RATE:-0}
TARGETS=${TARGETS:-echo stub loket}
LOKET_BEFORE_JAR=${LOKET_BEFORE_JAR:-}
if [ -n "$LOKET_BEFORE_JAR" ] && [[ " $TARGETS " != *" before "* ]]; then TARGETS="$TARGETS before"; fi
SERVER_CPU=${SERVER_CPU:-0}
DRIVER_CPU=${DRIVER_CPU:-1}
PORT=${PORT:-18090}
REDIS_PORT=${REDIS_PORT:-16390}
JVM_FLAGS=${JVM_FLAGS:--Xms1g -Xmx2g -XX:+UseG1GC}
OUT="$ROOT/load/target/message-path-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: >"$RESULTS"

# shellcheck source=load/common.sh
. "$ROOT/load/common.sh"
prepare_run
"$JAVA_HOME/bin/javac" -d "$OUT/driver" load/src/test/java/nl/loket/load/SocketDriver.java

REDIS_PID="" APP_PID="" BEFORE_PID="" BEFORE_REDIS_PID=""
cleanup() { stop_pids $BEFORE_PID $BEFORE_REDIS_PID $APP_PID $REDIS_PID; }
trap cleanup EXIT INT TERM
start_redis

# The budgets are for real customers: one driver address opens every socket and sends far more than a
# person (the older builds' names for them are set too: an unknown property is ignored).
LOKET_ARGS=(--loket.bench.echo-endpoint=true
  --loket.gateway.limits.frames-per-socket="100000, 100000/1s" --loket.gateway.limits.sockets-per-address="20000, 20000/1s"
  --loket.gateway.limits.conversations-per-address="20000, 20000/1s"
  --loket.gateway.limits.messages-per-conversation="100000, 100000/1s"
  --loket.gateway.max-frames-per-second=100000)

start_loket "$JAR" "$PORT" "$REDIS_PORT" "${LOKET_ARGS[@]}"
APP_PID=$STARTED_PID

ticks() { awk '{ sub(/.*\) /, ""); split($0, f, " "); total += f[12] + f[13] } END { print total }' "/proc/$1/stat"; }
idle_before=$(ticks "$APP_PID")
sleep 5
IDLE_MS_PER_S=$((($(ticks "$APP_PID") - idle_before) * 10 / 5))

for run in $(seq 1 "$RUNS"); do
  for target in $TARGETS; do
    port=$PORT pids="$APP_PID,$REDIS_PID" redis=$REDIS_PORT
    case $target in
      echo) path=/ws/echo mode=echo ;;
      stub) path=/ws/stub mode=chat ;;
      loket) path=/ws/chat mode=chat ;;
      before)
        path=/ws/chat mode=chat port=$((PORT + 1)) redis=$((REDIS_PORT + 1))
        REDIS_PORT=$redis start_redis
        BEFORE_REDIS_PID=$REDIS_PID REDIS_PID=${pids#*,}
        start_loket "$LOKET_BEFORE_JAR" "$port" "$redis" "${LOKET_ARGS[@]}"
        BEFORE_PID=$STARTED_PID
        pids="$BEFORE_PID,$BEFORE_REDIS_PID" ;;
      *) echo "unknown target $target" >&2; exit 1 ;;
    esac
    echo "run $run: $target, $SOCKETS sockets, rate $RATE (0: closed loop)" >&2
    if [ -n "${PROFILE:-}" ] && [ "$target" = loket ] && [ "$run" = 1 ]; then
      # JFR over the measured window of Loket only (not start-up, not the warm-up, not the yardsticks)
      (sleep $((WARMUP + 5)); "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=message-path settings=profile \
        duration="$((SECONDS_MEASURED - 2))s" filename="$OUT/loket.jfr" >/dev/null) &
    fi
    taskset -c "$DRIVER_CPU" "$JAVA_HOME/bin/java" -Xmx1g -cp "$OUT/driver" nl.loket.load.SocketDriver \
      url="ws://127.0.0.1:$port$path" mode="$mode" sockets="$SOCKETS" seconds="$SECONDS_MEASURED" warmup="$WARMUP" \
      rate="$RATE" questions=load/questions-nl.txt pids="$pids" label="$target" redis="$redis" \
      2>"$OUT/run$run-$target.log" | sed "s/^/$run\t/" >>"$RESULTS"
    if [ "$(tail -1 "$RESULTS" | cut -f4)" = 0 ]; then
      # nothing answered: keep every thread, virtual ones too, for the record
      "$JAVA_HOME/bin/jcmd" "${pids%%,*}" Thread.dump_to_file "$OUT/run$run-$target-threads.txt" >/dev/null || true
      echo "run $run: $target answered nothing; threads in $OUT/run$run-$target-threads.txt" >&2
    fi
    if [ "$target" = before ]; then
      stop_pids $BEFORE_PID $BEFORE_REDIS_PID
      BEFORE_PID="" BEFORE_REDIS_PID=""
    fi
  done
done

python3 "$ROOT/load/summarize_message_path.py" "$RESULTS" "$SOCKETS" "$SECONDS_MEASURED" "$RATE" "$REDIS_VERSION" \
  "$IDLE_MS_PER_S" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary.md"
if [ -f "$OUT/loket.jfr" ]; then
  "$JAVA_HOME/bin/jfr" print --stack-depth 64 --events jdk.ExecutionSample "$OUT/loket.jfr" >"$OUT/samples.txt"
  python3 "$ROOT/load/top_frames.py" "$OUT/samples.txt" | tee -a "$OUT/summary.md"
fi
echo "raw results and logs: $OUT" >&2
