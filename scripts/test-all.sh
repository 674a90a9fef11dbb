#!/usr/bin/env bash
# Runs every test of the portal — unit, component, integration and real-browser — on a Debian machine with the
# .NET SDK. Installs what the tests need when it is missing (Debian's Chromium for the browser tests), then prints
# one final line "N passed, N failed". Exit status 0 only when tests ran and none failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -z "${PORTAL_CHROMIUM:-}" ]; then
    echo "Installing Debian's chromium for the browser tests..."
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo_cmd apt-get update -qq
    $sudo_cmd apt-get install -y -qq chromium fonts-liberation >/dev/null
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# The browser tests that matter most run the published build in Production, as it is deployed: publish it once.
published="$results/published"
if ! dotnet publish src/FreeGpuPortal.Web --configuration Release --output "$published" --nologo -v quiet >"$results/publish.log" 2>&1; then
    cat "$results/publish.log"
    echo "0 passed, 1 failed"
    exit 1
fi
export PORTAL_PUBLISHED_DIR="$published"

set +e
dotnet test FreeGpuPortal.sln --configuration Release \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?
set -e

passed=0
failed=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

# A build error or crashed test host runs nothing; that must not read as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
fi
echo "$passed passed, $failed failed"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
