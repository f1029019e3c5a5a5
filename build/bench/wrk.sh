#!/usr/bin/env bash
# One page under load, beside the bare Razor page of the stack floor in the same run (issue 14).
#   build/bench/wrk.sh PAGE [ROLE]      e.g. build/bench/wrk.sh /Clients manager
#                                            build/bench/wrk.sh '/Clients/{client}' manager   (the record of demo client
#                                            CLIENT, default Hughes: Amelia Hughes, whose intake is complete)
#   SEED=build/bench/seed-day-view.py build/bench/wrk.sh '/Calendar?date={day}' reception
#                                            (the day view with 10 therapists and 80 appointments: SEED fills the fresh
#                                            host first and prints the day, which replaces {day})
# ROLE is a demo account (manager, reception, therapist.a, therapist.b, client.a, client.b) or "anonymous" (the default).
# The published host (build/publish.sh, or HOST_DIR) runs on a fresh SQLite folder with the demo clinic; the stack floor
# (FLOOR_DIR, else published here) serves its one page. Each gets a 10 s warm-up, then
# `wrk -t2 -c32 -d${DURATION:-30}s --latency`; the host's working set (VmRSS) is sampled every second throughout.
# Prints both figures, their ratio and the host's peak working set.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
page=${1:?"usage: build/bench/wrk.sh PAGE [ROLE]"}
role=${2:-anonymous}
duration=${DURATION:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

host_dir=${HOST_DIR:-artifacts/bench-publish}
[ -n "${HOST_DIR:-}" ] || build/publish.sh "$host_dir" >/dev/null
floor_dir=${FLOOR_DIR:-artifacts/bench-floor}
if [ -z "${FLOOR_DIR:-}" ]; then
  dotnet publish build/bench/PracticeSuite.Bench.StackFloor/PracticeSuite.Bench.StackFloor.csproj -c Release \
    --self-contained false -p:PublishReadyToRun=true -o "$floor_dir" --nologo -v quiet >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/practicesuite-wrk.XXXXXX")
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_healthy() { # <url>
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "$1 did not answer within a minute" >&2; exit 1
}

start() { # <folder> <dll> <port> [arguments...] → pid
  local folder=$1 dll=$2 port=$3; shift 3
  (cd "$folder" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Accounts__PublicUrl="http://127.0.0.1:$port" \
    exec dotnet "$dll" "$@" >"$work/$dll.log" 2>&1) &
  echo $!
}

host_port=$(free_port)
host_pid=$(start "$host_dir" PracticeSuite.Host.dll "$host_port" --Storage:DataDirectory="$work/data" --Demo:Enabled=true)
pids+=("$host_pid")
wait_healthy "http://127.0.0.1:$host_port/health"
base="http://127.0.0.1:$host_port"

headers=()
if [ "$role" != anonymous ]; then
  jar="$work/cookies"
  login=$(curl -fs -c "$jar" "$base/Account/Login")
  token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$login" | head -n 1)
  [ -n "$token" ] || token=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$login" | sed 's/.*value="//; s/"$//' | head -n 1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=$role@demo.practicesuite.local" \
    --data-urlencode "Input.Password=Demo-Password-2026" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  cookie=$(awk '$0 !~ /^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  grep -q "PracticeSuite.Session" <<<"$cookie" || { echo "signing in as $role failed" >&2; exit 1; }
  headers=(-H "Cookie: $cookie")
fi

if [ -n "${SEED:-}" ]; then
  seeded_day=$("$SEED" "$base")
  page=${page//\{day\}/$seeded_day}
fi
if [[ "$page" == *"{client}"* ]]; then
  client=$(curl -fs "${headers[@]}" "$base/Clients?q=${CLIENT:-Hughes}" | grep -o 'href="/Clients/[0-9a-fA-F-]\{36\}"' | head -n 1 | sed 's/.*Clients\///; s/"$//')
  [ -n "$client" ] || { echo "no client named ${CLIENT:-Hughes} found on /Clients" >&2; exit 1; }
  page=${page//\{client\}/$client}
fi
status=$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$base$page")
[ "$status" = 200 ] || { echo "$page answers $status as $role, not 200" >&2; exit 1; }

sample_rss() { # <pid> <file>: VmRSS in kB every second until the pid ends
  while kill -0 "$1" 2>/dev/null; do awk '/^VmRSS/ { print $2 }' "/proc/$1/status" >>"$2" 2>/dev/null || true; sleep 1; done
}
host_dotnet=$(pgrep -P "$host_pid" -f PracticeSuite.Host.dll || echo "$host_pid")
sample_rss "$host_dotnet" "$work/rss" & pids+=($!)

run_wrk() { # <url> [headers...] → the wrk report
  local url=$1; shift
  wrk -t2 -c32 -d10s "$@" "$url" >/dev/null
  wrk -t2 -c32 -d"${duration}s" --latency "$@" "$url"
}

echo "== $page as $role, $(date -u '+%Y-%m-%d %H:%M') UTC, $(cut -d' ' -f1-3 /proc/loadavg) load"
host_report=$(run_wrk "$base$page" "${headers[@]}")
echo "$host_report"
peak=$(sort -n "$work/rss" | tail -n 1)
kill "$host_pid" 2>/dev/null || true

floor_port=$(free_port)
(cd "$floor_dir" && Storage__DataDirectory="$work/floor" dotnet PracticeSuite.Bench.StackFloor.dll --migrate-only >"$work/floor-migrate.log" 2>&1)
pids+=("$(Storage__DataDirectory="$work/floor" start "$floor_dir" PracticeSuite.Bench.StackFloor.dll "$floor_port")")
wait_healthy "http://127.0.0.1:$floor_port/health"
echo "== the stack floor's page /"
floor_report=$(run_wrk "http://127.0.0.1:$floor_port/")
echo "$floor_report"

rate() { awk '/^Requests\/sec:/ { print $2 }' <<<"$1"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$1"; }
host_rate=$(rate "$host_report")
floor_rate=$(rate "$floor_report")
echo
echo "Summary: $page as $role: $host_rate requests/s (non-2xx: $(non2xx "$host_report" || true)); stack floor: $floor_rate requests/s;" \
  "ratio $(awk -v h="$host_rate" -v f="$floor_rate" 'BEGIN { printf "%.2f", h / f }'); host peak working set $(awk -v k="${peak:-0}" 'BEGIN { printf "%.1f MB", k / 1024 }')"
