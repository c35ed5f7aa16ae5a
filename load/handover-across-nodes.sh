#!/usr/bin/env bash
# The handover across nodes under load of docs/benchmarks.md ("Handover across nodes") with one command:
#   load/handover-across-nodes.sh
# Two Lokets (the packaged jar, demo profile, the shipped FAQ: node A on PORT, node B on PORT+1) and one
# Redis, pinned together to SERVER_CPU; the drivers pinned to DRIVER_CPU. In one run:
#   idle   the handover rounds alone (load/.../HandoverDriver.java: a customer's `handover` frame on A until
#          the chat is in the inbox frame of an agent's console socket on B) after WARMUP_ROUNDS unmeasured
#          ones (both JVMs are fresh): the yardstick
#   RATE   for each rate of RATES, the same rounds (LOAD_WARMUP_ROUNDS unmeasured) while
#          load/.../SocketDriver.java (the message path's driver, unchanged) sends RATE FAQ questions per
#          second in total, open model (timed from the intended send time), split evenly over the nodes of
#          LOAD_ON with SOCKETS sockets in all
#   idle-after  the yardstick again, with what the background left behind (its queued chats)
# It prints one table: per phase the offered and answered rate, the background's p50/p99, the chats
# waiting in the queues after it, the handover's p50/p90/p99/max and what a round's unmeasured steps took.
# Everything it starts is stopped by PID on exit.
# Needs: a JDK >= 21 (the wrapper finds one), redis-server (apt-get install -y redis-server), curl, ss.
# Knobs (environment): RATES="50 100 150 1000" SOCKETS=1000 LOAD_ON="a b" ROUNDS=200 WARMUP_ROUNDS=100
#   LOAD_WARMUP_ROUNDS=0 WARMUP=10 (s, the background's) MAX_SECONDS=40 (per phase, for the measured
#   rounds) DRAIN_SECONDS=180 (at most, before each phase: see drain) SLOW=50 (ms: slow rounds listed for
#   the profile)
#   SERVER_CPU=0 DRIVER_CPU=1 PORT=18092 REDIS_PORT=16392 JVM_FLAGS="-Xms512m -Xmx1g -XX:+UseG1GC"
#   JAR=path SKIP_BUILD=1 (reuse target/*.jar) PROFILE=1 (JFR of both nodes over each phase's rounds, and
#   the top frames of the samples taken during slow rounds against all of them)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RATES=${RATES:-50 100 150 1000}
SOCKETS=${SOCKETS:-1000}
LOAD_ON=${LOAD_ON:-a b}
ROUNDS=${ROUNDS:-200}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-100}
LOAD_WARMUP_ROUNDS=${LOAD_WARMUP_ROUNDS:-0}
WARMUP=${WARMUP:-10}
MAX_SECONDS=${MAX_SECONDS:-40}
DRAIN_SECONDS=${DRAIN_SECONDS:-180}
SLOW=${SLOW:-50}
SERVER_CPU=${SERVER_CPU:-0}
DRIVER_CPU=${DRIVER_CPU:-1}
PORT=${PORT:-18092}
REDIS_PORT=${REDIS_PORT:-16392}
JVM_FLAGS=${JVM_FLAGS:--Xms512m -Xmx1g -XX:+UseG1GC}
OUT="$ROOT/load/target/handover-across-nodes-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

# shellcheck source=load/common.sh
. "$ROOT/load/common.sh"
prepare_run
"$JAVA_HOME/bin/javac" -d "$OUT/driver" load/src/test/java/nl/loket/load/SocketDriver.java \
  load/src/test/java/nl/loket/load/HandoverDriver.java

REDIS_PID="" A_PID="" B_PID="" BACKGROUND=()
cleanup() { stop_pids "${BACKGROUND[@]}" $A_PID $B_PID $REDIS_PID; }
trap cleanup EXIT INT TERM
start_redis

# Every queue of the shipped content, open around the clock and without details to ask: the `handover`
# frame queues the chat at once, whatever the hour (the shipped hours close the queues in the evening).
QUEUES="$OUT/queues.yml"
{ echo "queues:"; sed -n 's/^  - name: \(.*\)$/  - name: \1\n    hours: {every-day: "00:00-24:00"}/p' faq/queues.yml; } >"$QUEUES"
sed -i '0,/hours:/s//default: true\n    hours:/' "$QUEUES"

# the budgets are for real customers: one driver address opens every socket and sends far more than a person
LOKET_ARGS=(--loket.handover.queues-file="$QUEUES"
  --loket.gateway.limits.frames-per-socket="100000, 100000/1s" --loket.gateway.limits.sockets-per-address="20000, 20000/1s"
  --loket.gateway.limits.conversations-per-address="20000, 20000/1s"
  --loket.gateway.limits.messages-per-conversation="100000, 100000/1s")
start_loket "$JAR" "$PORT" "$REDIS_PORT" --spring.application.name=node-a "${LOKET_ARGS[@]}"
A_PID=$STARTED_PID
start_loket "$JAR" "$((PORT + 1))" "$REDIS_PORT" --spring.application.name=node-b "${LOKET_ARGS[@]}"
B_PID=$STARTED_PID

established() { ss -Htn state established "( sport = :$PORT or sport = :$((PORT + 1)) )" | wc -l; }

# The chats waiting in every queue now: background conversations that a trigger handed over stay queued.
waiting() {
  local total=0
  for queue in $(sed -n 's/^  - name: //p' "$QUEUES"); do
    total=$((total + $(redis-cli -p "$REDIS_PORT" zcard "loket:handover:queue:$queue")))
  done
  echo "$total"
}

# CPU ticks (utime + stime) of both nodes and Redis so far.
server_ticks() {
  local total=0
  for pid in $A_PID $B_PID $REDIS_PID; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

# Waits (at most DRAIN_SECONDS) until the nodes and Redis are quiet (under a tenth of a core over a second):
# an offered rate above what they answer leaves a backlog that they work off after the driver has stopped,
# and a phase started on top of it would measure the previous one. Prints the seconds it waited.
drain() {
  local waited=0 before
  while [ "$waited" -lt "$DRAIN_SECONDS" ]; do
    before=$(server_ticks)
    sleep 1
    waited=$((waited + 1))
    [ $(($(server_ticks) - before)) -lt 10 ] && break
  done
  echo "$waited"
}

# Runs the handover rounds of one phase (label $1, $2 unmeasured rounds first) once the servers are quiet,
# with a JFR recording of both nodes when PROFILE is set; then notes the chats waiting in the queues, the
# seconds the servers took to get quiet, and Redis's calls per command over the rounds.
rounds() {
  local label=$1 warmup=$2 drained=$3
  redis-cli -p "$REDIS_PORT" info commandstats >"$OUT/$label-redis-before.txt"
  if [ -n "${PROFILE:-}" ]; then
    for pid in $A_PID $B_PID; do
      "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name="$label" settings=profile filename="$OUT/$label-$pid.jfr" >/dev/null
    done
  fi
  taskset -c "$DRIVER_CPU" "$JAVA_HOME/bin/java" -Xmx256m -cp "$OUT/driver" nl.loket.load.HandoverDriver \
    a="http://127.0.0.1:$PORT" b="http://127.0.0.1:$((PORT + 1))" rounds="$ROUNDS" warmup="$warmup" \
    max-seconds="$MAX_SECONDS" slow="$SLOW" label="$label" slowFile="$OUT/$label-slow.tsv" \
    2>"$OUT/$label-rounds.log" >>"$OUT/rounds.tsv"
  if [ -n "${PROFILE:-}" ]; then
    for pid in $A_PID $B_PID; do "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name="$label" >/dev/null; done
  fi
  redis-cli -p "$REDIS_PORT" info commandstats >"$OUT/$label-redis-after.txt"
  printf '%s\t%s\t%s\t%s\n' "$label" "$(waiting)" "$drained" "$warmup" >>"$OUT/waiting.tsv"
}

: >"$OUT/rounds.tsv"
: >"$OUT/background.tsv"
: >"$OUT/waiting.tsv"
echo "idle: $WARMUP_ROUNDS + $ROUNDS handover rounds, nothing else running" >&2
rounds idle "$WARMUP_ROUNDS" "$(drain)"

nodes=($LOAD_ON)
for rate in $RATES; do
  echo "rate $rate: $SOCKETS sockets on node(s) $LOAD_ON, then $ROUNDS handover rounds" >&2
  drained=$(drain)
  before=$(established)
  BACKGROUND=()
  for node in "${nodes[@]}"; do
    port=$PORT pids=""
    [ "$node" = b ] && port=$((PORT + 1))
    [ "$node" = "${nodes[0]}" ] && pids="$A_PID,$B_PID,$REDIS_PID" # one driver reads the servers' CPU
    # measured for longer than the rounds can take, so that its window covers them
    taskset -c "$DRIVER_CPU" "$JAVA_HOME/bin/java" -Xmx1g -cp "$OUT/driver" nl.loket.load.SocketDriver \
      url="ws://127.0.0.1:$port/ws/chat" mode=chat sockets=$((SOCKETS / ${#nodes[@]})) seconds=$((MAX_SECONDS + 5)) \
      warmup="$WARMUP" rate=$((rate / ${#nodes[@]})) questions=load/questions-nl.txt pids="$pids" \
      label="$rate-$node" redis="$REDIS_PORT" 2>"$OUT/$rate-$node-background.log" >>"$OUT/background.tsv" &
    BACKGROUND+=($!)
  done
  # the background is running when all its sockets are open; then its warm-up
  for _ in $(seq 1 240); do [ $(($(established) - before)) -ge "$SOCKETS" ] && break; sleep 0.5; done
  sleep $((WARMUP + 1))
  rounds "$rate" "$LOAD_WARMUP_ROUNDS" "$drained"
  wait "${BACKGROUND[@]}" || true
  BACKGROUND=()
done
echo "idle-after: $ROUNDS handover rounds, nothing else running" >&2
rounds idle-after "$LOAD_WARMUP_ROUNDS" "$(drain)"

python3 "$ROOT/load/summarize_handover.py" "$OUT" "$SOCKETS" "$LOAD_ON" "$REDIS_VERSION" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary.md"
if [ -n "${PROFILE:-}" ]; then
  for jfr in "$OUT"/*.jfr; do
    "$JAVA_HOME/bin/jfr" print --stack-depth 64 --events jdk.ExecutionSample "$jfr" >"${jfr%.jfr}-samples.txt"
  done
  python3 "$ROOT/load/summarize_handover.py" --slow "$OUT" "$A_PID" "$B_PID" | tee -a "$OUT/summary.md"
fi
echo "raw results and logs: $OUT" >&2
