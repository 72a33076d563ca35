#!/usr/bin/env bash
# Load benchmark of the portal (see BENCHMARKS.md): the results page and the JSON search endpoint under
# 32 concurrent connections for 30 s each, with wrk, on a synthetic index of 10,000 aanbod.
#
#   scripts/bench-portal.sh            # 10,000 aanbod, 32 connections, 30 s per endpoint
#   SIZE=10000 CONNECTIONS=32 DURATION=30s WARMUP=10s scripts/bench-portal.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
size="${SIZE:-10000}"; connections="${CONNECTIONS:-32}"; duration="${DURATION:-30s}"; port="${PORT:-5090}"
command -v wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 wrk >/dev/null; }

work="$(mktemp -d /tmp/sk-bench-portal-XXXXXX)"
cleanup() { [ -n "${portal_pid:-}" ] && kill "$portal_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet publish portal -c Release -o "$work/portal" -nologo -v quiet -clp:ErrorsOnly >&2
tests/Benchmarks/bin/Release/net10.0/sk-bench index --size "$size" --content content --index "$work/index" >&2

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Content__Map="$root/content" Zoekindex__Map="$work/index" Zoekindex__BouwBijStart=false \
  Logging__LogLevel__Default=Warning \
  ASPNETCORE_CONTENTROOT="$work/portal" dotnet "$work/portal/SocialeKaart.Portal.dll" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 1; done

# A fixed mix of realistic searches, cycled by each connection (wrk's Lua API).
cat > "$work/mix.lua" <<'LUA'
local queries = {
  "q=schulden", "q=ik+heb+schulden", "q=eenzaam", "q=hulp+bij+opvoeding", "q=werk+zoeken", "q=mantelzorg",
  "q=taalcafe&levensdomein=leren", "q=schuldhulpverleening", "q=huishoudelijke+hulp&toegang=achter-het-loket",
  "levensdomein=ontmoeten&wanneer=deze-week", "q=sport&kosten=gratis", "q=dementie&postcode=3901&sorteer=afstand",
  "q=geldzorgen&pagina=2", "doelgroep=ouderen&wijk=centrum", "q=jongeren", "q=voedselbank"
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", wrk.path .. queries[(i % #queries) + 1])
end
LUA
cat >> "$work/mix.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests_per_s=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

# Warm-up (JIT and tiered compilation, caches), not measured: the figures are for a portal in steady state.
for endpoint in "/zoeken?" "/api/zoeken?"; do
  wrk -t2 -c"$connections" -d"${WARMUP:-10s}" -s "$work/mix.lua" "http://127.0.0.1:$port$endpoint" >/dev/null
done

for endpoint in "/zoeken?" "/api/zoeken?"; do
  echo "== $endpoint ($size aanbod, $connections connections, $duration)"
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/mix.lua" "http://127.0.0.1:$port$endpoint" | grep -E "RESULT|Requests/sec|Non-2xx"
done

echo "== transferred size of one results page (/zoeken?q=schulden): HTML + CSS + JS"
html=$(curl -s "http://127.0.0.1:$port/zoeken?q=schulden" | wc -c)
css=$(curl -s "http://127.0.0.1:$port/css/site.css" | wc -c)
js=$(curl -s "http://127.0.0.1:$port/js/autocomplete.js" | wc -c)
gz=$(( $(curl -s "http://127.0.0.1:$port/zoeken?q=schulden" | gzip -9 | wc -c) + $(curl -s "http://127.0.0.1:$port/css/site.css" | gzip -9 | wc -c) + $(curl -s "http://127.0.0.1:$port/js/autocomplete.js" | gzip -9 | wc -c) ))
echo "RESULT html_bytes=$html css_bytes=$css js_bytes=$js total_bytes=$((html + css + js)) total_gzip_bytes=$gz"
