#!/usr/bin/env bash
# Runs the gap-report benchmark (docs/performance.md) on SQLite and on a throwaway PostgreSQL cluster, the
# same way scripts/test.sh starts one. Arguments go to the benchmark, e.g. --scale 0.1 --runs 5.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_dir=""
stop_postgres() { [ -n "$pg_dir" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; [ -n "$pg_dir" ] && rm -rf "$pg_dir"; }
trap stop_postgres EXIT

if [ -z "${MEDICON_BENCH_POSTGRES:-}" ] && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  pg_dir="$(mktemp -d /tmp/mediconglobal-bench-pg.XXXXXX)"
  chmod 755 "$pg_dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c shared_buffers=256MB" start >/dev/null
  export MEDICON_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

dotnet run -c Release --project benchmarks/MediconGlobal.Benchmarks -- "$@"
