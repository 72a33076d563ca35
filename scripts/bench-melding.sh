#!/usr/bin/env bash
# Load benchmark of the melding wizard (see BENCHMARKS.md): 16 browsers each walk the six steps and send, again and
# again, for 30 s after a 10 s warm-up, against the published portal with the real content and a fresh makelpunt
# file. Reports submissions per second and the latency of the final (durably committed) POST, and of every other step.
#
#   scripts/bench-melding.sh
#   CLIENTS=16 DURATION=30 WARMUP=10 PORT=5091 scripts/bench-melding.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
clients="${CLIENTS:-16}"; duration="${DURATION:-30}"; warmup="${WARMUP:-10}"; port="${PORT:-5091}"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/sk-bench-melding-XXXXXX)"
cleanup() { [ -n "${portal_pid:-}" ] && kill "$portal_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet publish portal -c Release -o "$work/portal" -nologo -v quiet -clp:ErrorsOnly >&2

# The real content (the aanbod step searches it); the makelpunt file, accounts and index in the temp folder. All
# browsers come from 127.0.0.1, so the per-address limits are raised out of the way.
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Content__Map="$root/content" Zoekindex__Map="$work/index" Zoekindex__BouwBijStart=true \
  Makelpunt__Opslag__Bestand="$work/makelpunt.db" Accounts__Bestand="$work/accounts.db" \
  Melding__StappenPerMinuut=100000 Melding__VerzendingenPerUur=100000 \
  Logging__LogLevel__Default=Warning \
  ASPNETCORE_CONTENTROOT="$work/portal" dotnet "$work/portal/SocialeKaart.Portal.dll" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/melding" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/melding" >/dev/null || { cat "$work/portal.log" >&2; exit 1; }

echo "== melding wizard: $clients clients, ${warmup} s warm-up, ${duration} s measured (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ))"
tests/Benchmarks/bin/Release/net10.0/sk-bench melding --url "http://127.0.0.1:$port/" --clients "$clients" \
  --warmup-seconds "$warmup" --seconds "$duration"

meldingen=$(sqlite3 "$work/makelpunt.db" "SELECT count(*) FROM meldingen" 2>/dev/null || echo "?")
echo "RESULT makelpunt_file_bytes=$(stat -c %s "$work/makelpunt.db") wal_bytes=$(stat -c %s "$work/makelpunt.db-wal" 2>/dev/null || echo 0) meldingen=$meldingen"
echo "\`nproc\`: $(nproc); \`lscpu\` model name: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n1); load average before the run: $load_before"
grep -E "fail|crit|error" -i "$work/portal.log" | head -5 || true
