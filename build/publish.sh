#!/usr/bin/env bash
# Builds PracticeSuite for a server: the host compiled ahead of time (ReadyToRun, so it starts faster) with the
# product's modules staged in its modules/ folder. Usage: build/publish.sh [output folder, default artifacts/publish]
# Run it with: dotnet <output>/PracticeSuite.Host.dll (settings in appsettings.json or PRACTICESUITE-style env vars).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="${1:-$repo/artifacts/publish}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rid="linux-$(dpkg --print-architecture 2>/dev/null | sed 's/amd64/x64/' || echo x64)"
dotnet publish "$repo/src/Host/PracticeSuite.Host.csproj" -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$output" --nologo -v quiet
test -f "$output/modules/Clients/PracticeSuite.Modules.Clients.dll" || { echo "publish: the Clients module was not staged into $output/modules" >&2; exit 1; }
echo "Published to $output"
