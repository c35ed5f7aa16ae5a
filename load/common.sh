# Shared by the load scripts (sourced, not run): what a run needs, starting and stopping Loket and its Redis.
# Needs ROOT, SERVER_CPU, JVM_FLAGS, REDIS_PORT and OUT set by the script that sources it.

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

# Checks what a run needs, raises the open-files limit, finds the JDK the wrapper uses and builds the jar
# unless SKIP_BUILD (and it exists); sets JAVA_HOME and JAR (default: the packaged jar).
prepare_run() {
  command -v redis-server >/dev/null || { echo "needs redis-server: apt-get install -y redis-server" >&2; exit 1; }
  ulimit -n "$(ulimit -Hn)"
  JAVA_HOME="$(./mvnw -v | sed -n 's/.*runtime: //p')"
  export JAVA_HOME
  JAR=${JAR:-$ROOT/target/loket-0.1.0-SNAPSHOT.jar}
  if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
    ./mvnw -q -B -DskipTests package
  fi
}

# Starts a Loket from jar $1 on port $2 against the Redis on port $3 on the server's core, with the
# further arguments after them (the script's budgets), and waits for its health check; sets STARTED_PID.
start_loket() {
  local jar=$1 port=$2 redis=$3
  shift 3
  SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT=$redis \
    taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" $JVM_FLAGS -jar "$jar" \
    --server.port="$port" --server.address=127.0.0.1 --server.tomcat.max-connections=20000 \
    --spring.profiles.active=demo "$@" >"$OUT/loket-$port.log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 1 600); do # 5 min: a loaded shared machine has taken more than 2
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$STARTED_PID" 2>/dev/null || { echo "Loket ($jar) did not start; see $OUT/loket-$port.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Loket ($jar) did not answer its health check in 300 s; see $OUT/loket-$port.log" >&2
  exit 1
}
