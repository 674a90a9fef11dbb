#!/usr/bin/env bash
# The comparison page "/" as served (output cache on), on SQLite against PostgreSQL, side by side in one run: the same
# published build in Production, one instance per provider, measured in turn with wrk (sqlite, postgresql, then again,
# so drift on a shared machine shows). Starts a throw-away PostgreSQL server on a loopback port (scripts/lib/postgres.sh,
# installed through apt when missing; the server runs with fsync off, which does not matter for reads) and installs
# wrk when missing.
#   bench/providers.sh [duration per run, default 15s] [connections, default 32] [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
duration="${1:-15s}"
connections="${2:-32}"
rounds="${3:-2}"

install_packages wrk wrk
work="$(mktemp -d)"
apps=()
cleanup() {
    for pid in "${apps[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    stop_test_postgres
    rm -rf "$work"
}
trap cleanup EXIT

start_test_postgres
dotnet publish src/FreeGpuPortal.Web -c Release -o "$work/publish" --nologo -v quiet

start_app() { # $1: name, $2: port, then settings as NAME=VALUE
    local name="$1" port="$2"
    shift 2
    mkdir -p "$work/data-$name"
    env ASPNETCORE_ENVIRONMENT=Production Storage__DataDirectory="$work/data-$name" Serilog__File__Enabled=false \
        Serilog__MinimumLevel__Default=Warning LinkCheck__Schedule=off OutputCache__Enabled=true "$@" \
        "$work/publish/FreeGpuPortal.Web" --urls "http://127.0.0.1:$port" >>"$work/$name.log" 2>&1 &
    apps+=($!)
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.5; done
    echo "the $name instance did not start"; cat "$work/$name.log"; exit 1
}

sqlite_port=$(free_port)
start_app sqlite "$sqlite_port" Database__Provider=Sqlite
postgres_port=$(free_port)
start_app postgresql "$postgres_port" Database__Provider=PostgreSQL \
    ConnectionStrings__Catalog="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=freegpuportal_bench"

# The same page on both (same seed): compare sizes, then warm both up.
sqlite_bytes=$(curl -sf "http://127.0.0.1:$sqlite_port/" | wc -c)
postgres_bytes=$(curl -sf "http://127.0.0.1:$postgres_port/" | wc -c)
echo "page size: SQLite $sqlite_bytes bytes, PostgreSQL $postgres_bytes bytes"
for port in "$sqlite_port" "$postgres_port"; do wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/" >/dev/null; done

rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
p99() { awk '$1 == "99%" {print $2}' <<<"$1"; }
sqlite_total=0
postgres_total=0
for round in $(seq 1 "$rounds"); do
    for provider in sqlite postgresql; do
        if [ "$provider" = sqlite ]; then port=$sqlite_port; else port=$postgres_port; fi
        result=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/")
        if grep -q "Non-2xx" <<<"$result"; then echo "$provider answered non-2xx:"; echo "$result"; exit 1; fi
        echo "round $round, $provider: $(rps "$result") req/s, p99 $(p99 "$result")"
        if [ "$provider" = sqlite ]; then
            sqlite_total=$(awk -v a="$sqlite_total" -v b="$(rps "$result")" 'BEGIN { print a + b }')
        else
            postgres_total=$(awk -v a="$postgres_total" -v b="$(rps "$result")" 'BEGIN { print a + b }')
        fi
    done
done
awk -v s="$sqlite_total" -v p="$postgres_total" -v n="$rounds" 'BEGIN {
    printf "mean: SQLite %.0f req/s, PostgreSQL %.0f req/s; PostgreSQL at %.1f %% of SQLite (goal: within 10 %%)\n",
        s / n, p / n, 100 * p / s }'
