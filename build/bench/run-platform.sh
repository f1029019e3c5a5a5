#!/usr/bin/env bash
# The platform benchmark of issue 2: builds the host and the harness in Release and runs the harness,
# which prints each figure and a summary next to the goals. Extra arguments go to the harness, e.g.
#   build/bench/run-platform.sh --only start,floor --runs 20   (any of: start, memory, pipeline, floor)
# Exits 2 when a goal is missed, non-zero on any failure.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The host measured by "start to healthy" is the Release build a server runs: build/publish.sh's output
# (ReadyToRun), started with `dotnet PracticeSuite.Host.dll`. HOST_DIR=src/Host/bin/Release/net10.0 measures
# the plain `dotnet build -c Release` output instead (after building the solution in Release).
host_dir="${HOST_DIR:-artifacts/bench-publish}"
if [ -z "${HOST_DIR:-}" ]; then build/publish.sh "$host_dir"; fi
# The stack floor (the required dependencies, nothing of PracticeSuite) is published the same way, for comparison.
floor_dir="${FLOOR_DIR:-artifacts/bench-floor}"
if [ -z "${FLOOR_DIR:-}" ]; then
  rid="linux-$(dpkg --print-architecture 2>/dev/null | sed 's/amd64/x64/' || echo x64)"
  dotnet publish build/bench/PracticeSuite.Bench.StackFloor/PracticeSuite.Bench.StackFloor.csproj -c Release -r "$rid" \
    --self-contained false -p:PublishReadyToRun=true -o "$floor_dir" --nologo -v quiet
fi
dotnet build build/bench/PracticeSuite.Bench.Platform/PracticeSuite.Bench.Platform.csproj -c Release --nologo -v quiet

dotnet build/bench/PracticeSuite.Bench.Platform/bin/Release/net10.0/PracticeSuite.Bench.Platform.dll \
  --host-dir "$host_dir" --floor-dir "$floor_dir" "$@"
