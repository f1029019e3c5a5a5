#!/usr/bin/env bash
# The messaging benchmark of issue 3: builds the harness (and with it the host and the test modules Alpha and
# Gamma) in Release, stages the external module Beta (Alpha requires it), makes sure PostgreSQL is up, and runs
# the harness, which prints each figure and a summary next to the goals. Extra arguments go to the harness, e.g.
#   build/bench/run-messaging.sh --provider sqlite --batch-sizes 1000 --split false
# Exits 2 when a goal is missed, non-zero on any failure.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build build/bench/PracticeSuite.Bench.Messaging/PracticeSuite.Bench.Messaging.csproj -c Release --nologo -v quiet
bin=build/bench/PracticeSuite.Bench.Messaging/bin/Release/net10.0
build/stage-external-module.sh tests/ExternalModules/Beta/PracticeSuite.Modules.Beta/PracticeSuite.Modules.Beta.csproj "$bin/modules" Release

# PostgreSQL as build/test.sh sets it up (role practicesuite_test with CREATEDB); only started here, not created.
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster 15 main start; else sudo pg_ctlcluster 15 main start; fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

dotnet "$bin/PracticeSuite.Bench.Messaging.dll" "$@"
