# Shared by the load scripts (sourced, not run): stopping what a run started, and its Redis.
# Needs SERVER_CPU, REDIS_PORT and OUT set by the script that sources it.

# Stops each pid, waiting up to 20 s before kill -9: a hung JVM (see "hang" in docs/benchmarks.md)
# must not keep the run going.
stop_pids() {
  for pid in "$@"; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  wait "$@" 2>/dev/null || true
}

# Starts a Redis without persistence on the server's core; sets REDIS_PID and REDIS_VERSION.
start_redis() {
  taskset -c "$SERVER_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize no --logfile "$OUT/redis.log" &
  REDIS_PID=$!
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
  REDIS_VERSION="$(redis-cli -p "$REDIS_PORT" info server | sed -n 's/^redis_version:\(.*\)\r$/\1/p')"
}
