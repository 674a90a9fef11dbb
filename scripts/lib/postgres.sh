# Functions to run a throw-away PostgreSQL server on loopback for the tests (sourced by the test scripts).
# Uses Debian's postgresql package, installed through apt when missing. initdb refuses to run as root, so as root the
# server runs as the "postgres" user the package creates. Everything lives in one temporary folder.

# Installs Debian packages that are missing: install_packages COMMAND PACKAGE...
install_packages() {
    local probe="$1"
    shift
    if [ -n "$probe" ] && { command -v "$probe" >/dev/null 2>&1 || [ -x "$probe" ]; }; then
        return 0
    fi
    echo "Installing $* through apt..."
    local sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    # Packages must not start their own services: Debian's nginx would listen on port 80 of every address, and
    # PostgreSQL's would take port 5432. The tests start what they need themselves, on loopback. A policy-rc.d that
    # refuses every start holds for the install only.
    local policy=/usr/sbin/policy-rc.d own_policy=""
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null
        $sudo_cmd chmod +x "$policy"
        own_policy=1
    fi
    local status=0
    { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "$@" >/dev/null; } || status=$?
    if [ -n "$own_policy" ]; then $sudo_cmd rm -f "$policy"; fi
    return $status
}

postgres_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] || return 1
    echo "$dir"
}

# Runs a command as the server's owner: "postgres" when we are root, else ourselves.
as_postgres_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts a server and sets PG_DIR, PG_PORT and PG_CONNECTION (superuser "postgres", trust on loopback).
start_test_postgres() {
    if ! postgres_bin >/dev/null; then
        install_packages "" postgresql
    fi
    local bin
    bin=$(postgres_bin)
    PG_DIR=$(mktemp -d -t freegpuportal-pg.XXXXXX)
    PG_PORT=$(free_port)
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; fi
    as_postgres_owner "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log"; return 1; }
    as_postgres_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$PG_DIR/server.log"; return 1; }
    PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    export PG_DIR PG_PORT PG_CONNECTION
}

stop_test_postgres() {
    if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
        as_postgres_owner "$(postgres_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
}
