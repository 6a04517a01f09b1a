#!/usr/bin/env bash
# Makes docs/img/jconsole-pool.png for real: a Redis workload with the agent attached, JConsole connected to it
# under Xvfb, the Pool MBean's attributes in view. Needs a built agent (./mvnw -B verify) and Debian's
# redis-server, xvfb, imagemagick and xdotool (installed here when missing). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
for tool in redis-server:redis-server Xvfb:xvfb import:imagemagick xdotool:xdotool; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

port=6399
redis-server --port "$port" --bind 127.0.0.1 --save "" >/dev/null & pids+=($!)
java -javaagent:agent/target/poolsight-agent.jar -cp "agent/target/hosts/jedis7/*" \
  docs/screenshots/PoolWorkload.java 127.0.0.1 "$port" 120 >/dev/null 2>&1 & workload=$!; pids+=("$workload")
Xvfb :99 -screen 0 1280x800x24 >/dev/null 2>&1 & pids+=($!)
export DISPLAY=:99
sleep 8
jconsole "$workload" >/dev/null 2>&1 & pids+=($!)
sleep 12
xdotool mousemove 553 227 click 1                      # "Insecure connection" (local attach has no SSL)
sleep 8
window=$(xdotool search --name "Java Monitoring" | head -1)
xdotool windowmove "$window" 0 0 windowsize "$window" 1280 800
sleep 3
xdotool mousemove 472 58 click 1                       # the MBeans tab
sleep 3
xdotool mousemove 170 400 mousedown 1 mousemove 250 400 sleep 0.3 mousemove 340 400 mouseup 1   # widen the tree
sleep 1
xdotool mousemove 90 117 click 1                       # dev.poolsight
for key in Right Down Right Down Right Down; do xdotool key "$key"; sleep 1; done   # Pool > name > Attributes
sleep 3
import -window root docs/img/jconsole-pool.png
echo "wrote docs/img/jconsole-pool.png"
