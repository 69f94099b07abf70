#!/usr/bin/env bash
# Load benchmark (docs/performance.md): generates or reuses the synthetic databases at a scale, starts the portal
# in Release (Production environment, server GC) on SQLite and on a throwaway PostgreSQL cluster of its own, runs
# wrk against a bare one-query page that exists only in the benchmark host and against each page, and prints
# requests/s, p50/p95/p99, errors, the ratio to the bare page and the peak resident memory of the portal.
#
#   scripts/load-test.sh [--provider sqlite|postgres|both] [--scale 1] [--duration 15] [--staff-duration 10]
#                        [--connections 32] [--warm 45] [--only REGEX] [--state DIR] [--fresh] [--no-build]
#
# Databases are kept in the state folder (default /tmp/mediconglobal-load) and reused by later runs: SQLite files
# and a PostgreSQL data folder that the script starts on a free loopback port and stops again when it ends.
# --fresh deletes them first. --only measures the pages whose name or address matches the (bash) regular expression,
# e.g. --only 'bare|dashboard|clients'. Before the first measurement the portal is warmed for --warm seconds (the bare
# page, the catalogue and the guided path in turn, under the same load): the runtime keeps recompiling hot code with
# optimisations for tens of seconds, and a yardstick measured before that was up to half as fast as when warm, which
# made every ratio to it look better than it is. Public pages are loaded by --connections clients; staff pages by one
# signed-in administrator (the goal there is the time one person waits). After the runs, one change is made per page that
# depends on it (an offer reviewed, a need moved, a referral sent), each once the rebuilds of the one before are
# done, and the first request of the page after its change is timed. The portal runs
# with server GC unless the caller sets DOTNET_gcServer=0; other runtime settings (DOTNET_GCConserveMemory,
# DOTNET_GCHeapHardLimit, ...) pass through from the environment.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

provider=both scale=1 duration=15 staff_duration=10 connections=32 warm=45 only="" state="${TMPDIR:-/tmp}/mediconglobal-load" fresh=0 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --staff-duration) staff_duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --warm) warm="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --state) state="$2"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --no-build) build=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

log() { printf '==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi

[ "$fresh" -eq 1 ] && rm -rf "$state"
mkdir -p "$state"
chmod 755 "$state"
tag="$(echo "$scale" | tr . _)"
bench_exe="$root/benchmarks/MediconGlobal.Benchmarks/bin/Release/net10.0/MediconGlobal.Benchmarks"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$build" -eq 1 ]; then
  log "building the benchmark host (Release)"
  dotnet build benchmarks/MediconGlobal.Benchmarks -c Release -nologo -v quiet >&2
fi

pg_bin="" pg_root="$state/postgres" pg_port="" server_pid=""
stop_all() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_port" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast stop >/dev/null 2>&1 || true
}
trap stop_all EXIT

# The load test's own cluster (never the shared test server): its data folder is kept in the state folder.
start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ ! -d "$pg_root/data" ]; then
    mkdir -p "$pg_root"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_root"
    run_pg "$pg_bin/initdb" -D "$pg_root/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_port="$(free_port)"
  run_pg "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_root -c fsync=off -c synchronous_commit=off -c shared_buffers=256MB -c max_connections=200" start >/dev/null
  log "PostgreSQL (the load test's own cluster) on 127.0.0.1:$pg_port"
}

connection_for() {
  case "$1" in
    sqlite) echo "Data Source=$state/sqlite-$tag.db" ;;
    postgres) echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=mg_load_$tag;Maximum Pool Size=100" ;;
  esac
}

# wrk prints one RESULT line from this script: requests, duration (µs), latency percentiles (µs), errors.
report_lua="$state/report.lua"
cat >"$report_lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, errors))
end
LUA
# Words people search for, some of them places: each request asks for another one, so the word cache is cold.
words_lua="$state/words.lua"
{
  cat "$report_lua"
  cat <<'LUA'
local words = { "advisory", "fda", "boston", "usa", "skane", "zealand", "sjaelland", "test bed", "funding", "clinical",
  "regulatory", "webinar", "matchmaking", "ce marking", "investor", "germany", "japan", "ambassador", "patent", "ip",
  "market", "soft landing", "medtech", "diagnostics", "export", "partner", "network", "legal", "tax", "pilot" }
local n = 0
request = function()
  n = n + 1
  local word = words[(n % #words) + 1] .. " " .. tostring(n % 97)
  return wrk.format(nil, "/offers?q=" .. word:gsub(" ", "+"))
end
LUA
} >"$words_lua"

# Every request says what the TLS-terminating proxy in front of the portal says (ADR 1001): it came over HTTPS.
proxy=(-H "X-Forwarded-Proto: https")
rows=()
bare_rps=""
peak_kb=0

vm_hwm() { awk '/VmHWM/ {print $2}' "/proc/$server_pid/status"; }
reset_hwm() { echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || true; }

# One client: requests one after another with curl for the duration (at least three), each timed by curl itself,
# so a page that takes seconds is measured as well as one that takes milliseconds.
measure_one() {
  local name="$1" path="$2" seconds="$3" cookie="$4"
  local times="$state/times" started
  : >"$times"
  started="$(date +%s)"
  while [ "$(wc -l <"$times")" -lt 3 ] || [ $(( $(date +%s) - started )) -lt "$seconds" ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "${proxy[@]}" -H "Cookie: $cookie" "$base$path" >>"$times"
  done
  local kb; kb="$(vm_hwm)"; [ "$kb" -gt "$peak_kb" ] && peak_kb="$kb"
  read -r count rps p50 p95 p99 errors < <(python3 - "$times" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
ms = sorted(float(t) * 1000 for _, t in rows)
pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
print(len(ms), f"{1000 * len(ms) / sum(ms):.1f}", f"{pick(0.5):.1f}", f"{pick(0.95):.1f}", f"{pick(0.99):.1f}", sum(1 for s, _ in rows if s != "200"))
PY
)
  rows+=("| $current | $name | \`$path\` | 1 | $rps | $p50 | $p95 | $p99 | $errors | – | $((kb / 1024)) MB |")
  log "$name: $count requests, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, errors $errors, peak $((kb / 1024)) MB"
}

# measure NAME PATH CLIENTS DURATION [cookie] [lua]
measure() {
  local name="$1" path="$2" clients="$3" seconds="$4" cookie="${5:-}" lua="${6:-$report_lua}"
  if [ -n "$only" ] && ! [[ "$name $path" =~ $only ]]; then return; fi
  local headers=("${proxy[@]}")
  [ -n "$cookie" ] && headers+=(-H "Cookie: $cookie")
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$base$path")"
  if [ "$status" != "200" ]; then
    rows+=("| $current | $name | \`$path\` | $clients | – | – | – | – | HTTP $status | – | – |")
    log "$name: HTTP $status, skipped"
    return
  fi
  # Warm up (the first request builds what the page keeps), then measure.
  curl -s -o /dev/null "${headers[@]}" "$base$path"
  reset_hwm
  if [ "$clients" -eq 1 ]; then
    measure_one "$name" "$path" "$seconds" "$cookie"
    return
  fi
  local threads=$(( clients > 1 ? 2 : 1 ))
  # Two seconds of the same load first, unmeasured: the runtime compiles hot code again with optimisations (tiered
  # JIT) in the first seconds, which otherwise lands on whichever page is measured first (the bare page, the yardstick).
  # Not for a script of its own (a new word each request): warming would ask its words before they are measured.
  if [ "$lua" = "$report_lua" ]; then
    wrk -t"$threads" -c"$clients" -d2s --timeout 5s "${headers[@]}" -s "$lua" "$base$path" >/dev/null 2>&1 || true
    reset_hwm
  fi
  local out
  out="$(wrk -t"$threads" -c"$clients" -d"${seconds}s" --timeout 5s "${headers[@]}" -s "$lua" "$base$path" 2>&1 | grep '^RESULT' || true)"
  local kb; kb="$(vm_hwm)"; [ "$kb" -gt "$peak_kb" ] && peak_kb="$kb"
  read -r _ requests micros p50 p95 p99 max errors <<<"${out:-RESULT 0 1 0 0 0 0 0}"
  local rps; rps="$(awk -v r="$requests" -v d="$micros" 'BEGIN { printf "%.1f", r / (d / 1e6) }')"
  [ "$name" = "bare page" ] && bare_rps="$rps"
  local ratio="–"
  [ -n "$bare_rps" ] && [ "$clients" -gt 1 ] && ratio="$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { printf "%.2f", a / b }')"
  ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }
  rows+=("| $current | $name | \`$path\` | $clients | $rps | $(ms "$p50") | $(ms "$p95") | $(ms "$p99") | $errors | $ratio | $((kb / 1024)) MB |")
  log "$name: $rps req/s, p50 $(ms "$p50") ms, p95 $(ms "$p95") ms, p99 $(ms "$p99") ms, errors $errors, ratio $ratio, peak $((kb / 1024)) MB"
}

# settle: waits (at most 120 s) until the staff pages over kept read models no longer say their figures are older
# than the data, so no rebuild started by an earlier change is still running.
settle() {
  local page
  for _ in $(seq 1 120); do
    local behind=0
    for page in /reports/gaps /dashboard /reports/scope; do
      # The whole page first: grep -q stops at the match, and with pipefail curl's broken pipe would read as no match.
      local body; body="$(curl -s "${proxy[@]}" -H "Cookie: $cookie" "$base$page")"
      [[ "$body" == *'id="read-model-age"'* ]] && behind=1
    done
    [ "$behind" -eq 0 ] && return
    sleep 1
  done
  log "the kept read models did not catch up within 120 s"
}

# after_change WHAT NAME PATH: one change through the portal once earlier rebuilds are done, then the time of the
# next request of the page (so every row is the first request after its own change).
after_change() {
  local what="$1" name="$2" path="$3"
  if [ -n "$only" ] && ! [[ "$name $path" =~ $only ]]; then return; fi
  settle
  curl -s -o /dev/null -X POST "${proxy[@]}" "$base/bench/change?what=$what"
  local seconds; seconds="$(curl -s -o /dev/null -w '%{time_total}' "${proxy[@]}" -H "Cookie: $cookie" "$base$path")"
  rows+=("| $current | first request after a $what changed: $name | \`$path\` | 1 | – | $(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }') | – | – | – | – | – |")
  log "after a $what changed: $name took ${seconds}s"
}

providers=()
case "$provider" in both) providers=(sqlite postgres) ;; *) providers=("$provider") ;; esac
load_notes=()
for current in "${providers[@]}"; do
  [ "$current" = postgres ] && [ -z "$pg_port" ] && start_postgres
  database="$(connection_for "$current")"
  log "$current: generating or reusing the scale-$scale database"
  "$bench_exe" generate --provider "$current" --database "$database" --scale "$scale" >&2

  port="$(free_port)"
  cookie_file="$state/cookie-$current"
  DOTNET_gcServer="${DOTNET_gcServer:-1}" "$bench_exe" serve --provider "$current" --database "$database" --port "$port" --cookie-file "$cookie_file" >"$state/serve-$current.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do grep -q '^ready' "$state/serve-$current.log" 2>/dev/null && break; kill -0 "$server_pid" 2>/dev/null || { cat "$state/serve-$current.log" >&2; exit 1; }; sleep 1; done
  base="http://127.0.0.1:$port"
  cookie="$(cat "$cookie_file")"
  bare_rps="" peak_kb=0
  started_load="$(load_average)"
  log "$current: portal ready at $base (load average $started_load)"

  # Warm-up, unmeasured: rounds of five seconds over the public pages' shared code until --warm seconds are spent.
  warm_pages=("/bench/bare" "/offers" "/find-support?stage=clinical&sector=medtech&market=usa&help=regulatory")
  for ((spent = 0, i = 0; spent < warm; spent += 5, i++)); do
    wrk -t2 -c"$connections" -d5s --timeout 5s "${proxy[@]}" "$base${warm_pages[i % ${#warm_pages[@]}]}" >/dev/null 2>&1 || true
  done
  log "$current: warmed for $warm s (load average $(load_average))"

  measure "bare page" "/bench/bare" "$connections" "$duration"
  measure "bare page, signed in" "/bench/bare-signed-in" "$connections" "$duration" "$cookie"
  measure "catalogue" "/offers" "$connections" "$duration"
  measure "catalogue, words and page 3" "/offers?q=advisory&page=3" "$connections" "$duration"
  measure "catalogue, three facets" "/offers?category=legal&market=usa&stage=clinical" "$connections" "$duration"
  measure "catalogue, a deep page" "/offers?sort=name&page=700" "$connections" "$duration"
  measure "catalogue, a place" "/offers?q=boston" "$connections" "$duration"
  measure "catalogue, another word each request" "/offers?q=advisory" "$connections" "$duration" "" "$words_lua"
  measure "guided path" "/find-support?stage=clinical&sector=medtech&market=usa&help=regulatory" "$connections" "$duration"

  measure "bare page, signed in, one client" "/bench/bare-signed-in" 1 "$staff_duration" "$cookie"
  measure "gap report, category × market" "/reports/gaps" 1 "$staff_duration" "$cookie"
  measure "gap report, market × stage" "/reports/gaps?rows=Market&cols=Stage" 1 "$staff_duration" "$cookie"
  measure "gap report, sector × region, protected (perturbed) view" "/reports/gaps?rows=Sector&cols=Region&view=protected" 1 "$staff_duration" "$cookie"
  measure "gap report download, CSV (perturbed)" "/reports/gaps/export?format=csv" 1 "$staff_duration" "$cookie"
  measure "gap report download, XLSX (perturbed)" "/reports/gaps/export?format=xlsx" 1 "$staff_duration" "$cookie"
  measure "gap report, category × stage, drill-down" "/reports/gaps?rows=Category&cols=Stage&row=none&col=none" 1 "$staff_duration" "$cookie"
  measure "gap report, filtered" "/reports/gaps?country=SE&status=Open&status=Unmet&from=2025-01-01" 1 "$staff_duration" "$cookie"
  measure "dashboard" "/dashboard" 1 "$staff_duration" "$cookie"
  measure "scope report" "/reports/scope" 1 "$staff_duration" "$cookie"
  measure "landscape map" "/landscape" 1 "$staff_duration" "$cookie"
  measure "pipeline" "/landscape/pipeline" 1 "$staff_duration" "$cookie"
  measure "network" "/landscape/network" 1 "$staff_duration" "$cookie"
  measure "clients (administrator)" "/clients" 1 "$staff_duration" "$cookie"
  measure "clients, overdue" "/clients?focus=Overdue" 1 "$staff_duration" "$cookie"
  measure "referrals" "/referrals" 1 "$staff_duration" "$cookie"
  measure "notifications" "/notifications" 1 "$staff_duration" "$cookie"

  after_change offer "catalogue" "/offers"
  after_change offer "gap report" "/reports/gaps"
  after_change need "gap report" "/reports/gaps"
  after_change need "dashboard" "/dashboard"
  after_change need "scope report" "/reports/scope"
  after_change referral "network" "/landscape/network"

  # Where the memory is at the end (docs/performance.md, "A fair yardstick, and where the memory is"): the
  # collector's figures, then the same after a full compacting collection, whose managed heap is what the portal
  # keeps and whose resident memory is its floor.
  memory_at() { curl -s "$base/bench/memory$1" | awk -v want="$2" '$1 == want { print $2 }'; }
  heap_end="$(memory_at "" heap)" committed_end="$(memory_at "" committed)"
  resident_gc="$(memory_at "?collect=1" resident)" heap_gc="$(memory_at "" heap)"
  load_notes+=("$current: load average $started_load at the start, $(load_average) at the end; peak resident memory of the portal $((peak_kb / 1024)) MB (largest of the measured runs); at the end the managed heap was $heap_end MB ($committed_end MB committed), and after a full compacting collection $heap_gc MB live in $resident_gc MB resident")
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  printf '%s\n' "${rows[@]}" | grep "^| $current |" >"$state/table-$current-$tag.md" || true
done

echo
echo "Scale $scale, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
for note in "${load_notes[@]}"; do echo "- $note"; done
echo
echo "| Database | Page | Address | Clients | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Ratio to bare | Peak RSS |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for row in "${rows[@]}"; do echo "$row"; done
