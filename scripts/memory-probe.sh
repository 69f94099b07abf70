#!/usr/bin/env bash
# Memory probe (docs/performance.md, "Runtime settings against the memory floor"): starts the benchmark host on the
# full-scale SQLite database that scripts/load-test.sh generated, drives it through the same phases every time and
# prints where its resident memory is after each: fresh; after public load (wrk, 32 clients, the bare page, the
# catalogue and the guided path, --seconds each); after every staff page three times as an administrator; after four
# changes (a need, an offer, a referral, a need; each followed by the staff pages that rebuild from it); and, once
# the rebuilds are done, after a full compacting collection. Each line gives the peak and current resident memory and its parts from
# /proc/<pid>/status (RssAnon: the managed heap and native memory; RssFile: mapped images; RssShmem: code the JIT
# wrote, which W^X maps through shared memory) and the managed heap's size and committed bytes (/bench/memory).
#
#   scripts/memory-probe.sh [--seconds 12] [--state DIR] [--label NAME] [--gcdump FILE]
#
# --gcdump FILE also writes a heap dump of the live objects (dotnet-gcdump, on PATH or in $DOTNET_TOOLS) at the end,
# after the full collection; `dotnet-gcdump report FILE` lists them by type and size.
#
# Runtime settings to compare pass through from the environment, e.g.
#   DOTNET_TieredPGO=0 scripts/memory-probe.sh --label no-pgo
# Not a throughput measurement: the request rates it prints are only there to show the load was applied.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=12 state="${TMPDIR:-/tmp}/mediconglobal-load" label=probe gcdump=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --state) state="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    --gcdump) gcdump="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

exe="$root/benchmarks/MediconGlobal.Benchmarks/bin/Release/net10.0/MediconGlobal.Benchmarks"
database="$state/sqlite-1.db"
[ -x "$exe" ] || { echo "build the benchmark host first: dotnet build benchmarks/MediconGlobal.Benchmarks -c Release" >&2; exit 1; }
[ -f "$database" ] || { echo "no $database: run scripts/load-test.sh --provider sqlite once first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
if [ -n "$gcdump" ]; then
  tool="$(command -v dotnet-gcdump || echo "${DOTNET_TOOLS:-$HOME/.dotnet/tools}/dotnet-gcdump")"
  [ -x "$tool" ] || { echo "dotnet-gcdump is missing: dotnet tool install --global dotnet-gcdump" >&2; exit 1; }
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cookie_file="$(mktemp)"
DOTNET_gcServer="${DOTNET_gcServer:-1}" "$exe" serve --provider sqlite --database "Data Source=$database" \
  --port "$port" --cookie-file "$cookie_file" >"$state/memory-probe-$label.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$cookie_file"' EXIT
ready=0
for _ in $(seq 1 120); do grep -q '^ready' "$state/memory-probe-$label.log" && { ready=1; break; }; sleep 1; done
[ "$ready" -eq 1 ] || { echo "the benchmark host did not start; see $state/memory-probe-$label.log" >&2; exit 1; }

base="http://127.0.0.1:$port"
proxy=(-H "X-Forwarded-Proto: https")
signed_in=(-H "Cookie: $(cat "$cookie_file")")
report() {
  local status heap
  # The heap first: with ?collect=1 the collection must run before the resident figures are read.
  heap="$(curl -s "${proxy[@]}" "$base/bench/memory$2" | awk '/^(heap|committed) / { printf "%s %s MB  ", $1, $2 }')"
  status="$(awk '/^(VmHWM|VmRSS|RssAnon|RssFile|RssShmem):/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$pid/status")"
  echo "[$label] $1: $status| $heap"
}

report "fresh" ""
for path in /bench/bare /offers "/find-support?stage=clinical&sector=medtech&market=usa&help=regulatory"; do
  echo "  $path: $(wrk -t2 -c32 -d"${seconds}s" "${proxy[@]}" "$base$path" | awk '/Requests\/sec/ { print $2 }') req/s"
done
report "after public load" ""
staff=(/reports/gaps "/reports/gaps?rows=Market&cols=Stage" "/reports/gaps?rows=Sector&cols=Region&view=protected"
  "/reports/gaps/export?format=xlsx" /dashboard /reports/scope /landscape /landscape/pipeline /landscape/network /clients
  "/clients?focus=Overdue" /referrals /notifications)
for path in "${staff[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null "${proxy[@]}" "${signed_in[@]}" "$base$path"; done
done
report "after the staff pages" ""
for what in need offer referral need; do
  curl -s -o /dev/null -X POST "${proxy[@]}" "$base/bench/change?what=$what"
  for path in /dashboard /reports/gaps /reports/scope /landscape/network; do curl -s -o /dev/null "${proxy[@]}" "${signed_in[@]}" "$base$path"; done
  sleep 6
  for path in /dashboard /reports/gaps /reports/scope /offers; do curl -s -o /dev/null "${proxy[@]}" "${signed_in[@]}" "$base$path"; done
done
report "after four changes" ""
# Until no kept report says its figures are older than the data: no rebuild is still running when the heap is read.
for _ in $(seq 1 120); do
  behind=0
  for path in /reports/gaps /dashboard /reports/scope; do
    # Read the whole page first: grep -q would stop at the match and, with pipefail, curl's broken pipe would count as no match.
    page="$(curl -s "${proxy[@]}" "${signed_in[@]}" "$base$path")"
    [[ "$page" == *'id="read-model-age"'* ]] && behind=1
  done
  [ "$behind" -eq 0 ] && break
  sleep 1
done
report "after a full collection" "?collect=1"
if [ -n "$gcdump" ]; then
  "$tool" collect -p "$pid" -o "$gcdump" >/dev/null && echo "[$label] heap dump: $gcdump"
fi
