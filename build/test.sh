#!/usr/bin/env bash
# The one test command: installs and starts what the tests need, builds, stages the modules, runs every
# test on SQLite and the persistence tests again on PostgreSQL, and ends with one line: N passed, N failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}
artifacts="$root/artifacts"
mkdir -p "$artifacts/tmp" "$artifacts/logs"
export TMPDIR="$artifacts/tmp"          # tests write temp files here, not to the system temp folder
export PRACTICESUITE_SCREENSHOTS="$artifacts/screenshots"  # what the browser tests saw, for people to look at
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pg_role=practicesuite_test
pg_password=practicesuite_test
pg_port=${PRACTICESUITE_PG_PORT:-5432}
pg_restricted_role=practicesuite_restricted  # may log in, nothing more: for the start-up message a missing privilege gives

# Each phase's minutes, printed when the next begins and at the end (the whole suite must stay under 45 minutes).
phase_name="" phase_start=$SECONDS suite_start=$SECONDS
phase() { # <name of the phase that starts now; empty at the end>
  if [ -n "$phase_name" ]; then
    awk -v n="$phase_name" -v s=$((SECONDS - phase_start)) 'BEGIN { printf "-- %s took %.1f min\n", n, s / 60 }'
  fi
  phase_name=$1 phase_start=$SECONDS
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

ensure_debian_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing+=(fonts-dejavu-core)  # the fonts PDFs are set in
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)  # the PDF tests read the text back with pdftotext
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)  # the SMTP server the e-mail tests start
  command -v node >/dev/null 2>&1 || missing+=(nodejs)  # ical.js reads the calendar feeds back (build/ical-check)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} from Debian's packages"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  if pg_isready -q -h 127.0.0.1 -p "$pg_port"; then
    echo "== PostgreSQL already running on 127.0.0.1:$pg_port"
  else
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
      echo "== creating PostgreSQL $version cluster"
      as_root pg_createcluster "$version" main -p "$pg_port" >/dev/null
    fi
    echo "== starting PostgreSQL $version"
    as_root pg_ctlcluster "$version" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 1; done
    pg_isready -h 127.0.0.1 -p "$pg_port"
  fi
  # A login role that may create the per-fixture databases the tests make and drop.
  as_postgres psql -q -p "$pg_port" -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$pg_role') THEN
    CREATE ROLE $pg_role LOGIN CREATEDB PASSWORD '$pg_password';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$pg_restricted_role') THEN
    CREATE ROLE $pg_restricted_role LOGIN PASSWORD '$pg_password';
  END IF;
END \$\$;
SQL
}


phase "installing and starting what the tests need"
ensure_debian_packages
start_postgres

# ical.js, pinned by build/ical-check/package-lock.json, for the Scheduling tests that read the feeds back.
echo "== installing ical.js for the calendar feed tests"
(cd build/ical-check && npm ci --no-audit --no-fund --loglevel=error)
export PRACTICESUITE_ICAL_CHECK="$root/build/ical-check"

phase "building"
echo "== building ($configuration)"
dotnet build PracticeSuite.sln -c "$configuration" --nologo -v quiet -warnaserror

phase "staging"
echo "== staging the external test module"
external=tests/ExternalModules/Beta/PracticeSuite.Modules.Beta/PracticeSuite.Modules.Beta.csproj
staged=0
for modules in tests/*/bin/"$configuration"/net10.0/modules; do
  [ -d "$modules" ] || continue
  build/stage-external-module.sh "$external" "$modules" "$configuration" >/dev/null
  staged=$((staged + 1))
done
[ "$staged" -gt 0 ] || { echo "no test project has a modules folder to stage into"; exit 1; }

# Each test project is an xunit v3 executable; running it directly (not through `dotnet test`) keeps the message and
# stack of a fatal error or a fixture's cleanup failure in the log, and its summary counts those as errors.
# Two lanes, for two cores: the browser journeys (the longest project) in one, the rest one after another in the other.
test_projects=()
for project in tests/PracticeSuite.*Tests; do test_projects+=("$(basename "$project")"); done
summary="$artifacts/logs/summary.txt"
: > "$summary"

run_project() { # <phase> <project> [xunit filter arguments...]
  local phase=$1 project=$2; shift 2
  local exe="tests/$project/bin/$configuration/net10.0/$project" log="$artifacts/logs/$phase-$project.log"
  "$exe" -noColor -noLogo "$@" > "$log" 2>&1
  local status=$?
  # The host's own information and warning lines stay in the log file; the console gets xunit's report.
  grep -v -E '^[0-9-]{10}T[0-9:.]+Z (info|warn|dbug|trce): ' "$log" || true
  local line
  line=$(grep -E "^ +$project +Total: " "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "$project ($phase) ended with exit code $status before its summary" >&2
    echo "$phase $project total=0 errors=1 failed=0 skipped=0 notrun=0" >> "$summary"
    return 1
  fi
  echo "$line" | awk -v phase="$phase" -v project="$project" '{
      n = split($0, parts, /, */); total = errors = failed = skipped = notrun = 0
      for (i = 1; i <= n; i++) {
        split(parts[i], kv, /: */); key = kv[1]; sub(/.* /, "", key)
        if (key == "Total") total = kv[2]; else if (key == "Errors") errors = kv[2]
        else if (key == "Failed") failed = kv[2]; else if (key == "Skipped") skipped = kv[2]
        else if (key == "Run") notrun = kv[2]
      }
      printf "%s %s total=%d errors=%d failed=%d skipped=%d notrun=%d\n", phase, project, total, errors, failed, skipped, notrun
    }' >> "$summary"
  return "$status"
}

run_tests() { # <phase> [xunit filter arguments...]
  local phase=$1; shift
  local lane_status=0 browser_status=0 project
  if [[ " ${test_projects[*]} " == *" PracticeSuite.SystemTests "* ]]; then
    run_project "$phase" PracticeSuite.SystemTests "$@" &
    local browser_lane=$!
  fi
  for project in "${test_projects[@]}"; do
    [ "$project" = PracticeSuite.SystemTests ] && continue
    run_project "$phase" "$project" "$@" || lane_status=1
  done
  if [ -n "${browser_lane:-}" ]; then wait "$browser_lane" || browser_status=1; fi
  [ "$lane_status" = 0 ] && [ "$browser_status" = 0 ]
}

status=0
phase "tests on SQLite"
echo "== all tests on SQLite"
set +e
run_tests sqlite -trait- "Category=Cluster" || status=1
phase "tests on PostgreSQL"
echo "== persistence and cluster tests on PostgreSQL"
PRACTICESUITE_TEST_DATABASE=Postgres \
PRACTICESUITE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=$pg_role;Password=$pg_password" \
PRACTICESUITE_TEST_POSTGRES_RESTRICTED_ROLE="$pg_restricted_role" \
  run_tests postgres -trait "Category=Persistence" -trait "Category=Cluster" || status=1
set -e

phase ""
awk -v s=$((SECONDS - suite_start)) 'BEGIN { printf "-- the whole suite took %.1f min\n", s / 60 }'
# A fatal error or a fixture that failed to clean up is an error in xunit's summary, not a failed test: each counts as
# a failure here, as does a test that was not run.
echo "== per project"
cat "$summary"
awk '{ for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
       passed += v["total"] - v["failed"] - v["skipped"] - v["notrun"]
       failed += v["failed"] + v["errors"] + v["notrun"]; skipped += v["skipped"] }
     END {
       if (passed + failed == 0) { print "0 passed, 1 failed (no test ran)"; exit 1 }
       if (skipped > 0) printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
       else printf "%d passed, %d failed\n", passed, failed
       if (failed > 0) exit 1
     }' "$summary" || status=1
exit "$status"
