#!/usr/bin/env bash
# Load benchmark of the melding wizard (see BENCHMARKS.md): 16 browsers each walk the six steps and send, again and
# again, for 30 s after a 10 s warm-up, against the published portal with the real content and a fresh makelpunt
# store. Reports submissions per second and the latency of the final (durably committed) POST, and of every other step.
#
#   scripts/bench-melding.sh                                  # one portal, SQLite (the embedded default)
#   DATABASE=postgresql scripts/bench-melding.sh              # one portal on a private PostgreSQL 15 cluster
#   DATABASE=postgresql INSTANCES=2 scripts/bench-melding.sh  # two portals on that PostgreSQL, requests round robin
#   CLIENTS=16 DURATION=30 WARMUP=10 PORT=5091 scripts/bench-melding.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
clients="${CLIENTS:-16}"; duration="${DURATION:-30}"; warmup="${WARMUP:-10}"; port="${PORT:-5091}"
database="${DATABASE:-sqlite}"; instances="${INSTANCES:-1}"
case "$database" in sqlite|postgresql) ;; *) echo "DATABASE is sqlite or postgresql" >&2; exit 2 ;; esac
if [ "$instances" -gt 1 ] && [ "$database" != postgresql ]; then echo "Several instances need DATABASE=postgresql" >&2; exit 2; fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/sk-bench-melding-XXXXXX)"
pids=()
pg_cluster=""
pg_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pg_cluster" ]; then pg_dropcluster --stop 15 "$pg_cluster" >/dev/null 2>&1 || true; fi
  rm -rf "$work" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT

dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet publish portal -c Release -o "$work/portal" -nologo -v quiet -clp:ErrorsOnly >&2

# PostgreSQL: a private cluster of Debian's PostgreSQL 15 with its default settings (fsync and synchronous_commit on),
# in the temp folder, on a free port, as scripts/test.sh starts it.
db_env=()
if [ "$database" = postgresql ]; then
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_cluster="sk-bench-$$"
  pg_dir="$(mktemp -d -t sk-bench-pg-XXXXXX)"  # its own folder: postgres cannot enter the root-only $work
  chown postgres "$pg_dir"
  pg_createcluster 15 "$pg_cluster" -p "$pg_port" -d "$pg_dir/data" --start -- --auth-host=trust --auth-local=trust >"$work/pg.log" 2>&1 \
    || { cat "$work/pg.log" >&2; exit 1; }
  for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.1; done
  su postgres -c "psql -q -h 127.0.0.1 -p $pg_port -c 'CREATE DATABASE sk_bench'" >/dev/null
  db_env=(Database__Engine=postgresql "Database__PostgreSQL=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=sk_bench")
fi

# The real content (the aanbod step searches it); the makelpunt file, accounts and index in the temp folder. All
# browsers come from 127.0.0.1, so the per-address limits are raised out of the way. Instance 1 builds the shared
# index; the others start on it.
start_portal() {
  local n=$1 p=$((port + $1 - 1)) bouw=false
  [ "$n" -eq 1 ] && bouw=true
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$p" \
    Content__Map="$root/content" Zoekindex__Map="$work/index" Zoekindex__BouwBijStart=$bouw \
    Makelpunt__Opslag__Bestand="$work/makelpunt.db" Accounts__Bestand="$work/accounts.db" Sleutels__Map="$work/keys" \
    Melding__StappenPerMinuut=100000 Melding__VerzendingenPerUur=100000 \
    Logging__LogLevel__Default=Warning "${db_env[@]}" \
    ASPNETCORE_CONTENTROOT="$work/portal" dotnet "$work/portal/SocialeKaart.Portal.dll" >"$work/portal-$n.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$p/melding" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$p/melding" >/dev/null || { cat "$work/portal-$n.log" >&2; exit 1; }
}
urls=""
for n in $(seq 1 "$instances"); do
  start_portal "$n"
  urls="${urls:+$urls,}http://127.0.0.1:$((port + n - 1))/"
done

echo "== melding wizard: $clients clients, ${warmup} s warm-up, ${duration} s measured, $database, $instances instance(s) (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ))"
tests/Benchmarks/bin/Release/net10.0/sk-bench melding --url "$urls" --clients "$clients" \
  --warmup-seconds "$warmup" --seconds "$duration"

if [ "$database" = postgresql ]; then
  meldingen=$(su postgres -c "psql -tA -h 127.0.0.1 -p $pg_port -d sk_bench -c 'SELECT count(*) FROM meldingen'")
  bytes=$(su postgres -c "psql -tA -h 127.0.0.1 -p $pg_port -d sk_bench -c \"SELECT pg_database_size('sk_bench')\"")
  echo "RESULT database_bytes=$bytes meldingen=$meldingen"
else
  meldingen=$(sqlite3 "$work/makelpunt.db" "SELECT count(*) FROM meldingen" 2>/dev/null || echo "?")
  echo "RESULT makelpunt_file_bytes=$(stat -c %s "$work/makelpunt.db") wal_bytes=$(stat -c %s "$work/makelpunt.db-wal" 2>/dev/null || echo 0) meldingen=$meldingen"
fi
echo "\`nproc\`: $(nproc); \`lscpu\` model name: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n1); load average before the run: $load_before"
grep -E "fail|crit|error" -i "$work"/portal-*.log | head -5 || true
