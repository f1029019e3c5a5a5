#!/usr/bin/env bash
# Mutation checks kept as patches (tests/mutants/*.patch): each one breaks a rule on purpose, and the tests its
# header names must then fail. For each patch this script applies it to a scratch copy of the working tree, builds,
# runs those tests and reverts it; it reports each mutant as killed (the tests failed), SURVIVED (they passed) or
# BROKEN (it does not build or apply: fix the patch). A developer's tool, not part of CI.
#   build/mutants.sh                  every mutant
#   build/mutants.sh 03 07            the mutants whose file names start with these
# Patch header lines:  "# tests: <test project folder>"  and optionally  "# filter: <dotnet test filter>" and
# "# env: NAME=value ..." (settings the tests need, e.g. to run on PostgreSQL; space-separated, taken literally).
# Exits 0 only when every mutant run was killed.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
scratch="${MUTANTS_SCRATCH:-$repo/artifacts/mutants}"
mkdir -p "$scratch" "$repo/artifacts/tmp"
export TMPDIR="$repo/artifacts/tmp"

# The working tree as it is (committed or not), without build output; kept between runs so builds are incremental.
echo "== copying the working tree to $scratch"
# Sources the tree no longer has (moved or deleted files) must not linger in the copy; build output stays, for speed.
find "$scratch" -type f -not -path '*/bin/*' -not -path '*/obj/*' -not -path "$scratch/.git/*" -delete 2>/dev/null
(cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$scratch"
cd "$scratch"
git init -q 2>/dev/null; git add -A >/dev/null 2>&1 # a baseline to revert to, whatever the copy held before

patches=()
if [ $# -eq 0 ]; then
  patches=("$repo"/tests/mutants/*.patch)
else
  for prefix in "$@"; do patches+=("$repo"/tests/mutants/"$prefix"*.patch); done
fi

killed=0; survived=0; broken=0
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  project=$(sed -n 's/^# tests: //p' "$patch" | head -1)
  filter=$(sed -n 's/^# filter: //p' "$patch" | head -1)
  settings=$(sed -n 's/^# env: //p' "$patch" | head -1)
  git checkout -q -- . 2>/dev/null
  if ! git apply "$patch"; then echo "BROKEN   $name (does not apply)"; broken=$((broken+1)); continue; fi
  if ! dotnet build PracticeSuite.sln -c Release --nologo -v quiet > "$scratch/$name.build.log" 2>&1; then
    echo "BROKEN   $name (does not build: $scratch/$name.build.log)"; broken=$((broken+1)); git apply -R "$patch"; continue
  fi
  for modules in tests/*/bin/Release/net10.0/modules; do
    build/stage-external-module.sh tests/ExternalModules/Beta/PracticeSuite.Modules.Beta/PracticeSuite.Modules.Beta.csproj "$modules" Release > /dev/null 2>&1
  done
  args=("$project" -c Release --no-build --nologo)
  if [ -n "$filter" ]; then args+=(--filter "$filter"); fi
  read -r -a environment <<< "$settings"
  if env "${environment[@]}" dotnet test "${args[@]}" > "$scratch/$name.test.log" 2>&1; then
    echo "SURVIVED $name: $(sed -n 's/^# //p' "$patch" | head -1) ($project passed)"; survived=$((survived+1))
  else
    failed=$(grep -oE 'Failed: +[0-9]+' "$scratch/$name.test.log" | head -1 | grep -oE '[0-9]+')
    echo "killed   $name (${failed:-some} failing in $project)"; killed=$((killed+1))
  fi
  git apply -R "$patch"
done
git checkout -q -- . 2>/dev/null
echo "$killed killed, $survived survived, $broken broken"
[ "$survived" -eq 0 ] && [ "$broken" -eq 0 ]
