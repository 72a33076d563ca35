#!/usr/bin/env bash
# Publishing benchmark (see BENCHMARKS.md, issue 9): approve → searchable through a running portal's own pages, 100
# approvals by the demo redacteur of changes the demo organisation proposed, with searchers running all the while.
#
#   scripts/bench-publish.sh                 # the real content (the index the portal builds at start)
#   SIZE=100000 scripts/bench-publish.sh     # a synthetic index of 100,000 aanbod (sk-bench index), same content store
#   APPROVALS=100 SEARCHERS=2 PORT=5091 scripts/bench-publish.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port="${PORT:-5091}"; size="${SIZE:-}"
work="$(mktemp -d /tmp/sk-bench-publish-XXXXXX)"
cleanup() { [ -n "${portal_pid:-}" ] && kill "$portal_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet publish portal -c Release -o "$work/portal" -nologo -v quiet -clp:ErrorsOnly >&2
bouw=true
if [ -n "$size" ]; then
  tests/Benchmarks/bin/Release/net10.0/sk-bench index --size "$size" --content content --index "$work/index" >&2
  bouw=false
fi

# Development: the demo accounts (organisatie@ and redacteur@demo.sociale-kaart.nl); the content store is a copy of
# content/ in the work folder, so the benchmark never changes the repository.
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Content__Map="$work/content" Content__Startinhoud="$root/content" Zoekindex__Map="$work/index" Zoekindex__BouwBijStart="$bouw" \
  Logging__LogLevel__Default=Warning \
  ASPNETCORE_CONTENTROOT="$work/portal" dotnet "$work/portal/SocialeKaart.Portal.dll" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 1; done

echo "== publish (${size:-real content}, ${APPROVALS:-100} approvals, ${SEARCHERS:-2} searchers)"
tests/Benchmarks/bin/Release/net10.0/sk-bench publish --url "http://127.0.0.1:$port" \
  --approvals "${APPROVALS:-100}" --searchers "${SEARCHERS:-2}" || { tail -20 "$work/portal.log" >&2; exit 1; }
