#!/usr/bin/env bash
# Append throughput of `poolsight load --appends-only` against redis-benchmark sending the same append script
# (EVALSHA of the store's append, one 400-byte message, the same key layout) with the same number of clients to the
# same redis-server, at 1, 16 and 64 clients, run back to back. Both spread their appends over 100 million
# conversations: redis-benchmark draws the conversation and the message id from the same random range, and the store
# refuses an id a conversation already holds, so only a range this wide keeps its appends from failing as duplicates.
# Needs redis-server and redis-benchmark (Debian: apt-get install -y redis-server redis-tools) and python3.
# load's rate is taken after a warm-up long enough for the JIT to have compiled its hot paths: on 2 cores, C2 still
# took a quarter of the JVM's processor time in the seconds after a 2 s warm-up, time that Redis and the appending
# threads share with it and that redis-benchmark, compiled ahead of time, never pays.
# Usage: docs/benchmarks/load-vs-redis-benchmark.sh [seconds measured per load run, default 20] [seconds of warm-up, default 10]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"
warmup="${2:-10}"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null &
server=$!
trap 'kill "$server"' EXIT
until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
export REDIS_URL="redis://127.0.0.1:$port"
conversations=100000000
load_options=(--appends-only --fixed-size --message-bytes 400 --conversations "$conversations")

# One append exactly as the store sends it, caught with MONITOR, turned into redis-benchmark arguments: the run's
# conversation and message id become __rand_int__ (-r $conversations), so the script works on as many conversations
# as load does.
monitored="$(mktemp)"
redis-cli -p "$port" monitor >"$monitored" &
monitor=$!
"$root/bin/poolsight" load "${load_options[@]}" --threads 1 --duration 2s >/dev/null 2>&1
kill "$monitor"
mapfile -d '' append < <(python3 - "$monitored" <<'PYTHON'
import re, sys
for line in open(sys.argv[1], encoding="latin-1"):
    if '"evalsha"' not in line.lower() or ':messages"' not in line:
        continue
    args = [re.sub(r'\\x([0-9a-f]{2})|\\(.)', lambda m: chr(int(m.group(1), 16)) if m.group(1)
                   else {'n': '\n', 'r': '\r', 't': '\t', 'a': '\a', 'b': '\b'}.get(m.group(2), m.group(2)), a)
            for a in re.findall(r'"((?:[^"\\]|\\.)*)"', line.split(']', 1)[1])]
    conversation = re.search(r'\{agent-[0-9]+\}', args[3]).group(0)
    message_id = args[11]
    args = [a.replace(conversation, '{agent-__rand_int__}').replace(message_id, '__rand_int__') for a in args]
    sys.stdout.write('\0'.join(args) + '\0')
    break
PYTHON
)
rm -f "$monitored"
redis-cli -p "$port" flushall >/dev/null

# appends/s after load's warm-up, from its --json summary
load_rate() {
  local clients="$1"
  shift
  REDIS_POOL_SIZE="$clients" REDIS_MAX_IDLE_CONNS="$clients" "$root/bin/poolsight" load "${load_options[@]}" "$@" \
      --threads "$clients" --duration "$(( seconds + warmup ))s" --warmup "${warmup}s" --json 2>/dev/null \
    | python3 -c 'import json, sys; print(round(json.load(sys.stdin)["client"]["appendsPerSecond"]))'
  redis-cli -p "$port" flushall >/dev/null
}

printf '%-8s %16s %24s %22s %13s %13s\n' clients "load appends/s" "load --estimates-only" "redis-benchmark req/s" \
    "ratio load" "ratio est."
for clients in 1 16 64; do
  with_counting="$(load_rate "$clients")"
  estimates_only="$(load_rate "$clients" --estimates-only)"
  bench_rate="$(redis-benchmark -p "$port" -c "$clients" -n "$(( (with_counting > estimates_only ? with_counting : estimates_only) * seconds ))" -r "$conversations" -q "${append[@]}" \
      | python3 -c 'import re, sys; print(round(float(re.findall(r"([0-9.]+) requests per second", sys.stdin.read())[-1])))')"
  redis-cli -p "$port" flushall >/dev/null
  printf '%-8s %16s %24s %22s %13.2f %13.2f\n' "$clients" "$with_counting" "$estimates_only" "$bench_rate" \
      "$(python3 -c "print($with_counting / $bench_rate)")" "$(python3 -c "print($estimates_only / $bench_rate)")"
done
