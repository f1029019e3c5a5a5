#!/usr/bin/env bash
# Builds a module that lives outside the solution against the solution's binaries, and stages it by
# copying its bin folder into a modules folder, the way an operator drops a third-party module in.
#   build/stage-external-module.sh <module csproj> <modules folder> [configuration]
set -euo pipefail
project=$1
modules=$2
configuration=${3:-Debug}
name=$(basename "$project" .csproj)
name=${name#PracticeSuite.Modules.}

dotnet build "$project" -c "$configuration" --nologo -v quiet -p:BinariesConfiguration="$configuration"
bin="$(dirname "$project")/bin/$configuration/net10.0"
rm -rf "${modules:?}/$name"
mkdir -p "$modules/$name"
cp "$bin"/*.dll "$modules/$name/"
echo "staged external module $name into $modules/$name"
