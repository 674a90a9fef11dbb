#!/usr/bin/env bash
# Load benchmark: requests/s and p99 latency of the comparison page "/" against a static file of the same size
# served by the same app, side by side in one run, with wrk. Measures "/" twice: as served (output cache on) and
# rendered on every request (output cache off), and the Chinese "/zh-CN/" as served beside "/" in the same app.
# Publishes the app and runs it in Production.
#   bench/load.sh [duration, default 20s] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20s}"
connections="${2:-32}"
port=5399

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
work="$(mktemp -d)"
app=""
trap 'if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

dotnet publish src/FreeGpuPortal.Web -c Release -o "$work/publish" --nologo -v quiet
mkdir -p "$work/static" "$work/data"

start_app() { # $1: output cache on (true) or off (false)
    ASPNETCORE_ENVIRONMENT=Production Storage__DataDirectory="$work/data" Serilog__File__Enabled=false \
        Serilog__MinimumLevel__Default=Warning Benchmark__StaticDirectory="$work/static" OutputCache__Enabled="$1" \
        "$work/publish/FreeGpuPortal.Web" --urls "http://127.0.0.1:$port" >>"$work/app.log" 2>&1 &
    app=$!
    for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.5; done
    echo "the app did not start"; cat "$work/app.log"; exit 1
}
stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }

run() {
    wrk -t2 -c"$connections" -d5s "$1" >/dev/null # warm-up
    wrk -t2 -c"$connections" -d"$duration" --latency "$1"
}
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
p99() { awk '$1 == "99%" {print $2}' <<<"$1"; }

start_app false
# The static twin: the page's own HTML, byte for byte, as a file.
curl -sf "http://127.0.0.1:$port/" -o "$work/static/comparison.html"
echo "page size: $(stat -c %s "$work/static/comparison.html") bytes"
uncached=$(run "http://127.0.0.1:$port/")
static=$(run "http://127.0.0.1:$port/bench-static/comparison.html")
stop_app
start_app true
cached=$(run "http://127.0.0.1:$port/")
chinese=$(run "http://127.0.0.1:$port/zh-CN/")
stop_app

echo "static file, same size, same app : $(rps "$static") req/s, p99 $(p99 "$static")"
echo "/ rendered on every request       : $(rps "$uncached") req/s, p99 $(p99 "$uncached")"
echo "/ as served (output cache)        : $(rps "$cached") req/s, p99 $(p99 "$cached")"
echo "/zh-CN/ as served (output cache)  : $(rps "$chinese") req/s, p99 $(p99 "$chinese")"
awk -v u="$(rps "$uncached")" -v c="$(rps "$cached")" -v s="$(rps "$static")" \
    'BEGIN { printf "ratio to static: rendered %.1f %%, as served %.1f %%\n", 100 * u / s, 100 * c / s }'
awk -v e="$(rps "$cached")" -v z="$(rps "$chinese")" \
    'BEGIN { printf "/zh-CN/ against /: %.1f %% (the goal: within 10 %%)\n", 100 * z / e }'
