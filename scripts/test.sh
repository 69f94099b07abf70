#!/usr/bin/env bash
# Runs every test on real parts: installs Chromium and PostgreSQL when missing (Debian/Ubuntu), starts a
# throwaway PostgreSQL cluster on a loopback port in a temporary folder, checks formatting, runs all test
# projects, stops PostgreSQL and prints one summary line: "N passed, N failed[, N skipped]".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

install_missing() {
  local packages=()
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || packages+=(postgresql)
  if [ ${#packages[@]} -gt 0 ]; then
    log "installing ${packages[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >&2
  fi
}

pg_dir=""
pg_bin=""
pg_port=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}

run_pg() {
  # PostgreSQL refuses to run as root: use the postgres account when we are root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  pg_dir="$(mktemp -d /tmp/mediconglobal-pg.XXXXXX)"
  chmod 755 "$pg_dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)"
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null || return 1
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null || {
    cat "$pg_dir/server.log" >&2; return 1; }
  export MEDICON_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  log "PostgreSQL running on 127.0.0.1:$pg_port"
}

results_dir="$root/TestResults"
rm -rf "$results_dir"
mkdir -p "$results_dir"
trap stop_postgres EXIT

failed_steps=0
install_missing || { log "could not install test dependencies"; failed_steps=1; }
start_postgres || { log "could not start PostgreSQL"; failed_steps=1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium

log "restoring and building"
dotnet build MediconGlobal.sln -c Release -nologo -v quiet >&2 || failed_steps=1

log "checking formatting (dotnet format --verify-no-changes)"
if ! dotnet format MediconGlobal.sln --verify-no-changes --no-restore -v quiet >&2; then
  log "formatting differs: run 'dotnet format MediconGlobal.sln' and commit"
  failed_steps=1
fi

for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  log "running $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results_dir" >&2 || true
done

summary="$(python3 - "$results_dir" "$failed_steps" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
failed += int(sys.argv[2])
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
)"
stop_postgres
pg_dir=""
echo "$summary"
case "$summary" in
  *" 0 failed"*) [ "${summary%% passed*}" != "0" ] && exit 0 || exit 1 ;;
  *) exit 1 ;;
esac
