#!/usr/bin/env bash
# Soak: a bounded mixed load on the published app in Production (HTTPS on 127.0.0.1, its own temporary data
# directory) — public views with varied query strings, API JSON and CSV, hardware-report parses, and an admin saving an
# edit every few seconds through the interactive edit page in Chromium. Every 10 s it writes p50/p99 per kind, 5xx,
# the process's RSS and GC heap and the load average to a CSV; at the end it checks the history rows against the saves
# and prints a summary with the goals (0 5xx, RSS growth after warm-up < 10 %, views' p99 within 2x the first minute's).
#   bench/soak.sh DURATION [requests/s, default 40] [output folder, default bench/results]
#   DURATION: 90s, 3m, 30m, 1h (at most 4h). Needs Debian's chromium (or PORTAL_CHROMIUM).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:?usage: bench/soak.sh DURATION [requests/s] [output folder]}"
rate="${2:-40}"
output="${3:-bench/results}"

chromium="${PORTAL_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "chromium is needed: apt-get install chromium"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish src/FreeGpuPortal.Web -c Release -o "$work/publish" --nologo -v quiet
dotnet build bench/FreeGpuPortal.Soak -c Release --nologo -v quiet -o "$work/soak"
dotnet "$work/soak/FreeGpuPortal.Soak.dll" --published "$work/publish" --fixtures tests/fixtures/hardware-reports \
    --output "$output" --duration "$duration" --rate "$rate"
