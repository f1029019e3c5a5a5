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

run_tests() { # <log name> [dotnet test arguments...]
  local log="$artifacts/logs/$1.log"; shift
  set +e
  dotnet test PracticeSuite.sln -c "$configuration" --no-build --nologo "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  set -e
  return "$status"
}

status=0
phase "tests on SQLite"
echo "== all tests on SQLite"
run_tests sqlite --filter "Category!=Cluster" || status=1
phase "tests on PostgreSQL"
echo "== persistence and cluster tests on PostgreSQL"
PRACTICESUITE_TEST_DATABASE=Postgres \
PRACTICESUITE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=$pg_role;Password=$pg_password" \
PRACTICESUITE_TEST_POSTGRES_RESTRICTED_ROLE="$pg_restricted_role" \
  run_tests postgres --filter "Category=Persistence|Category=Cluster" || status=1

phase ""
awk -v s=$((SECONDS - suite_start)) 'BEGIN { printf "-- the whole suite took %.1f min\n", s / 60 }'
# xunit reports a fixture or pipeline that failed before its tests ran as a fatal error, not as failed tests.
awk '/^(Passed|Failed)! +- Failed:/ { gsub(",", ""); failed += $4; passed += $6; skipped += $8 }
     /\[FATAL ERROR\]/ { failed += 1 }
     END {
       if (passed + failed == 0) { print "0 passed, 1 failed (no test ran)"; exit 1 }
       if (skipped > 0) printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
       else printf "%d passed, %d failed\n", passed, failed
     }' "$artifacts/logs/sqlite.log" "$artifacts/logs/postgres.log" || status=1
exit "$status"
