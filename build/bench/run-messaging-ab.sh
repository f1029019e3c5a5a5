#!/usr/bin/env bash
# Outbox throughput, this build against an earlier one (issue 13: at least 0.9 of the build before Hangfire).
# Builds the messaging harness of both (the earlier one from a git worktree of <base commit>, default the last
# commit on Quartz), then runs them alternately, PAIRS pairs per database, each run its own process on a fresh
# database: 100,000 events, relay and inbox batch 2000 (the shipped default), no split. Prints every run, each
# pair's ratio (this build / base) and the median ratio per database.
#   build/bench/run-messaging-ab.sh [base commit]        PAIRS=5 EVENTS=100000 PROVIDERS="sqlite postgres"
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
base=${1:-6e12233}
pairs=${PAIRS:-5}
events=${EVENTS:-100000}
providers=${PROVIDERS:-"sqlite postgres"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

worktree="$repo/artifacts/bench-base-$base"
if [ ! -d "$worktree" ]; then
  git worktree add --detach "$worktree" "$base" >/dev/null
fi

harness=build/bench/PracticeSuite.Bench.Messaging
for root in "$worktree" "$repo"; do
  (cd "$root" && dotnet build "$harness/PracticeSuite.Bench.Messaging.csproj" -c Release --nologo -v quiet >/dev/null &&
    build/stage-external-module.sh tests/ExternalModules/Beta/PracticeSuite.Modules.Beta/PracticeSuite.Modules.Beta.csproj "$harness/bin/Release/net10.0/modules" Release >/dev/null)
done

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster 15 main start; else sudo pg_ctlcluster 15 main start; fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

run() { # <root> <provider> → events/s end to end
  # The harness exits 2 when its own goal (issue 3's floor) is missed; here only the figure counts.
  local figure
  figure=$( (cd "$1" && dotnet "$harness/bin/Release/net10.0/PracticeSuite.Bench.Messaging.dll" --provider "$2" --only throughput \
    --events "$events" --batch-sizes 2000 --split false || true) |
    sed -n 's/.*= \([0-9,]*\) events\/s end to end.*/\1/p' | tr -d ,)
  [ -n "$figure" ] || { echo "no figure from $1 on $2" >&2; exit 1; }
  echo "$figure"
}

echo "Outbox throughput A/B, $(date -u '+%Y-%m-%d %H:%M') UTC, base $base ($(git log -1 --format=%s "$base" | cut -c1-60)…), this build $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), $(cut -d' ' -f1-3 /proc/loadavg) load"
for provider in $providers; do
  ratios=()
  for pair in $(seq 1 "$pairs"); do
    # Alternate which goes first, so a drift in the machine's load does not favour one side.
    if [ $((pair % 2)) -eq 1 ]; then old=$(run "$worktree" "$provider"); new=$(run "$repo" "$provider")
    else new=$(run "$repo" "$provider"); old=$(run "$worktree" "$provider"); fi
    ratio=$(awk -v n="$new" -v o="$old" 'BEGIN { printf "%.3f", n / o }')
    ratios+=("$ratio")
    echo "$provider pair $pair: base $old events/s, this build $new events/s, ratio $ratio"
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
  verdict=$(awk -v m="$median" 'BEGIN { print (m >= 0.9 ? "met" : "MISSED") }')
  echo "$provider: median ratio $median over $pairs pairs (goal >= 0.9): $verdict"
done
