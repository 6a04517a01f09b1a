#!/usr/bin/env bash
# Processor time per append of `poolsight load --appends-only` (its JVM, from /proc) and of the redis-server it
# appends to (INFO cpu), over the run after its warm-up: which side a run at this many clients is bound by.
# Needs redis-server, redis-cli and python3. Usage: docs/benchmarks/cpu-per-append.sh [clients, default 16]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clients="${1:-16}"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null &
server=$!
summary="$(mktemp)"
trap 'kill "$server"; rm -f "$summary"' EXIT
until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done

server_seconds() { redis-cli -p "$port" info cpu | awk -F: '/^used_cpu_(sys|user):/ { s += $2 } END { printf "%.3f", s }'; }
jvm_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }

REDIS_URL="redis://127.0.0.1:$port" REDIS_POOL_SIZE="$clients" REDIS_MAX_IDLE_CONNS="$clients" \
  "$root/bin/poolsight" load --appends-only --fixed-size --message-bytes 400 --conversations 100000000 \
  --threads "$clients" --duration 30s --warmup 10s --json >"$summary" 2>/dev/null &
load=$!
until jvm="$(pgrep -n -f 'poolsight.jar load')"; do sleep 0.1; done
sleep 10.5   # the warm-up, and the JVM's start before it
jvm0="$(jvm_seconds "$jvm")"; server0="$(server_seconds)"; t0="$(date +%s.%N)"
sleep 19
jvm1="$(jvm_seconds "$jvm")"; server1="$(server_seconds)"; t1="$(date +%s.%N)"
wait "$load"
python3 - "$summary" "$clients" "$t0" "$t1" "$jvm0" "$jvm1" "$server0" "$server1" <<'PYTHON'
import json, sys
summary, clients = sys.argv[1], sys.argv[2]
t0, t1, jvm0, jvm1, server0, server1 = map(float, sys.argv[3:])
rate = json.load(open(summary))["client"]["appendsPerSecond"]
seconds = t1 - t0
appends = rate * seconds
print(f"{clients} clients: {rate:,.0f} appends/s; load's JVM {(jvm1 - jvm0) / seconds:.2f} cores, "
      f"{(jvm1 - jvm0) / appends * 1e6:.1f} us an append; redis-server {(server1 - server0) / seconds:.2f} cores, "
      f"{(server1 - server0) / appends * 1e6:.1f} us an append")
PYTHON
