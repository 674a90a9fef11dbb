#!/usr/bin/env bash
# Runs every test of the portal — unit, component, integration and real-browser — on a Debian machine with the
# .NET SDK. Installs what the tests need when it is missing (Debian's Chromium for the browser tests, PostgreSQL for
# the integration tests' second database and the cluster test, nginx for the cluster test, systemd for checking the
# service unit), then prints the cluster
# test's figures and one final line "N passed, N failed". Exit status 0 only when
# tests ran and none failed.
#
# The integration tests run twice: on SQLite (the default) and on a throw-away PostgreSQL server started here on a
# loopback port (initdb into a temporary folder) and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

if [ -z "${PORTAL_CHROMIUM:-}" ]; then
    install_packages chromium chromium fonts-liberation
fi
# The cluster test runs two published instances behind nginx.
install_packages nginx nginx
# The shipped service unit is checked with systemd-analyze verify (Debian's systemd package; nothing is started).
install_packages systemd-analyze systemd
# Chinese pages are screenshotted and measured with a real CJK font.
if ! fc-list 2>/dev/null | grep -q "Noto Sans CJK" && [ ! -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
    install_packages "" fonts-noto-cjk
fi

results="$(mktemp -d)"
cleanup() {
    stop_test_postgres
    rm -rf "$results"
}
trap cleanup EXIT

echo "Starting a PostgreSQL server for the integration tests..."
start_test_postgres
echo "PostgreSQL on 127.0.0.1:$PG_PORT"
# The cluster browser test makes its own database on this server; the cluster figures land in the results folder.
export PORTAL_TEST_POSTGRES="$PG_CONNECTION"
export PORTAL_TEST_RESULTS="$results"

# The browser tests that matter most run the published build in Production, as it is deployed: publish it once.
published="$results/published"
if ! dotnet publish src/FreeGpuPortal.Web --configuration Release --output "$published" --nologo -v quiet >"$results/publish.log" 2>&1; then
    cat "$results/publish.log"
    echo "0 passed, 1 failed"
    exit 1
fi
export PORTAL_PUBLISHED_DIR="$published"

set +e
status=0
dotnet build FreeGpuPortal.sln --configuration Release --nologo -v quiet || status=1
if [ "$status" -eq 0 ]; then
    dotnet test FreeGpuPortal.sln --configuration Release --no-build \
        --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/sqlite" || status=1
    PORTAL_TEST_DATABASE=PostgreSQL PORTAL_TEST_POSTGRES="$PG_CONNECTION" \
        dotnet test tests/FreeGpuPortal.IntegrationTests --configuration Release --no-build --filter "Database!=SqliteOnly&Database!=OwnPostgreSqlServer" \
        --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/postgresql" || status=1
fi
set -e

passed=0
failed=0
for trx in "$results"/*/*.trx; do
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
if [ -f "$results/cluster-figures.txt" ]; then
    cat "$results/cluster-figures.txt"
fi
echo "$passed passed, $failed failed"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
