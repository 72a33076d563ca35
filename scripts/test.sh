#!/usr/bin/env bash
# Runs every test of Sociale Kaart and ends with the line "N passed, N failed, N skipped".
# It installs what the tests need on a fresh machine of our kind (see shared/ENVIRONMENT.md).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary() {
  echo "$1 passed, $2 failed, $3 skipped"
}

# Browser tests need Debian's Chromium and axe-core from npm (shared/ENVIRONMENT.md).
install_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  for attempt in 1 2 3; do
    $sudo apt-get update -q -o DPkg::Lock::Timeout=300 >/dev/null \
      && $sudo apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 chromium >/dev/null \
      && return 0
    echo "Installing chromium failed (attempt $attempt); retrying."
    sleep 5
  done
  return 1
}
install_chromium || echo "Could not install chromium: the browser tests will fail."
if [ -f tests/Portal.BrowserTests/package.json ]; then
  (cd tests/Portal.BrowserTests && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || echo "Could not install axe-core from npm: the browser tests will fail."
fi

# The Blob content store tests run live against Azurite from npm (shared/ENVIRONMENT.md): on a free port (Azurite picks
# it and prints it), with its own data folder, stopped at the end. The tests get the connection string in SK_AZURITE_BLOB.
azurite_pid=""
azurite_data=""
stop_azurite() {
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null; fi
  if [ -n "$azurite_data" ]; then rm -rf "$azurite_data"; fi
}
trap stop_azurite EXIT
start_azurite() {
  local dir=tests/Indexer.Tests/ContentStore endpoint
  # npm ci empties node_modules first (Azurite is 180 MB): only when the lock file changed since the last install.
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.sk-installed-lock.json" || [ ! -x "$dir/node_modules/.bin/azurite-blob" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && cp package-lock.json node_modules/.sk-installed-lock.json) || return 1
  fi
  azurite_data="$(mktemp -d -t sk-azurite-XXXXXX)"
  "$dir/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort 0 --location "$azurite_data/data" \
    --skipApiVersionCheck --loose --disableTelemetry >"$azurite_data/azurite.log" 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 150); do
    endpoint=$(sed -n 's|.*listens on \(http://[0-9.]*:[0-9]*\).*|\1|p' "$azurite_data/azurite.log" | head -n 1)
    if [ -n "$endpoint" ]; then
      # Azurite's public development account (documented by Microsoft), not a secret.
      export SK_AZURITE_BLOB="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$endpoint/devstoreaccount1;"
      return 0
    fi
    kill -0 "$azurite_pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$azurite_data/azurite.log"
  return 1
}
start_azurite || echo "Could not start Azurite: the Blob content store tests will fail."

# The PostgreSQL adapters (makelpunt store, accounts, keys) and the several-instances tests run against a private
# PostgreSQL 15 cluster from Debian's packages (shared/ENVIRONMENT.md): its own data folder, a free port, trust
# authentication on 127.0.0.1 only, dropped at the end. The tests get its address in SK_POSTGRES.
pg_cluster=""
pg_data=""
stop_postgres() {
  if [ -n "$pg_cluster" ]; then pg_dropcluster --stop 15 "$pg_cluster" >/dev/null 2>&1; fi
  if [ -n "$pg_data" ]; then rm -rf "$pg_data"; fi
}
start_postgres() {
  command -v pg_createcluster >/dev/null || {
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 postgresql-15 >/dev/null || return 1
  }
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_cluster="sk-test-$$"
  pg_data="$(mktemp -d -t sk-postgres-XXXXXX)"
  chown postgres "$pg_data"
  pg_createcluster 15 "$pg_cluster" -p "$port" -d "$pg_data/data" -o max_connections=300 --start \
    -- --auth-host=trust --auth-local=trust >"$pg_data/create.log" 2>&1 || { cat "$pg_data/create.log"; return 1; }
  for _ in $(seq 1 50); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.1
  done
  export SK_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}
start_postgres || echo "Could not start PostgreSQL: the PostgreSQL tests will fail."
trap 'stop_azurite; stop_postgres' EXIT

if ! dotnet build SocialeKaart.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "The build failed: no tests were run."
  summary 0 1 0
  exit 1
fi

# Test projects run one after another (-maxcpucount:1): on 2 cores, parallel projects starve the browser tests.
# A test that hangs is stopped after 10 minutes and named (--blame-hang-timeout); its project then has no results file,
# which counts as a failure below.
dotnet test SocialeKaart.sln -c Release --no-build -nologo -maxcpucount:1 --blame-hang-timeout 10m \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

projects=$(ls tests/*/*Tests.csproj | wc -l)
if [ "$files" -eq 0 ] || [ "$passed" -eq 0 ]; then
  echo "No test results were found."
  failed=$((failed + 1))
elif [ "$files" -lt "$projects" ]; then
  echo "Only $files of $projects test projects gave results: one stopped before the end (hung or crashed)."
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status."
  failed=1
fi

summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
