#!/usr/bin/env bash
# Login timing (see BENCHMARKS.md): does a failed login take as long for an unknown address as for an existing
# account with a wrong password? Publishes the portal, starts it with the demo accounts, runs `sk-bench login`.
#
#   scripts/bench-login.sh            # ROUNDS=200 PORT=5092
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rounds="${ROUNDS:-200}"; port="${PORT:-5092}"
work="$(mktemp -d /tmp/sk-bench-login-XXXXXX)"
cleanup() { [ -n "${portal_pid:-}" ] && kill "$portal_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet publish portal -c Release -o "$work/portal" -nologo -v quiet -clp:ErrorsOnly >&2

# One client from 127.0.0.1 makes hundreds of attempts: the per-address login limit is raised out of the way (the
# per-account lockout stays, and the wrong-password attempts of the demo account are cleared by its right ones).
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Accounts__DemoAccounts=true \
  Content__Map="$root/content" Zoekindex__Map="$work/index" Makelpunt__Opslag__Bestand="$work/makelpunt.db" \
  Accounts__Bestand="$work/accounts.db" Sleutels__Map="$work/keys" Melding__InlogpogingenPerMinuut=100000 \
  Logging__LogLevel__Default=Warning \
  ASPNETCORE_CONTENTROOT="$work/portal" dotnet "$work/portal/SocialeKaart.Portal.dll" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/account/inloggen" >/dev/null && break; sleep 0.5; done

echo "== login timing: $rounds rounds of each kind (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ))"
tests/Benchmarks/bin/Release/net10.0/sk-bench login --url "http://127.0.0.1:$port/" --rounds "$rounds" \
  --email consulent@demo.sociale-kaart.nl --password Demo-Kaart-2026
