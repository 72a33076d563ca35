#!/usr/bin/env bash
# Benchmarks of the embedded search engine (see BENCHMARKS.md): indexing, query latency and memory on synthetic
# corpora made from the vocabulary of content/, side by side with Lucene.Net 4.8 and PostgreSQL full-text search on
# the same corpus and query mix, and incremental updates (at the real content and at each size).
#
#   scripts/bench.sh                  # 10,000 and 100,000 aanbod
#   scripts/bench.sh 10000            # one size
#   QUERIES=1000 WARMUP=100 WARMUP_SECONDS=5 THREADS=1 REPEAT=3 PG_REPEAT=1 BLOCK=50 SEED=20261124 scripts/bench.sh 10000 100000
#   (PostgreSQL takes seconds per search at 100,000 aanbod: by default it joins the first repetition only)
#   PEERS=0 scripts/bench.sh          # without Lucene.Net and PostgreSQL
#   UPDATES=0 scripts/bench.sh        # without the update benchmark
#   PROFILE=1 scripts/bench.sh        # also where the time and the bytes go (sk-bench profile, profile-build)
#   RESULTS=bench.tsv scripts/bench.sh   # also keep the raw figures
#
# Each measurement of our engine runs in a process of its own (index, then query), so the peak memory of one does not
# mix with the other; the comparison runs the three engines in one process, interleaved. PostgreSQL runs in a private
# cluster (Debian's PostgreSQL 15, its own data folder and a free port) that is dropped at the end. Everything goes to
# a temporary folder under /tmp that is removed at the end. Prints markdown tables.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
queries="${QUERIES:-1000}"
warmup="${WARMUP:-100}"
warmup_seconds="${WARMUP_SECONDS:-5}"
threads="${THREADS:-1}"
repeat="${REPEAT:-3}"
pg_repeat="${PG_REPEAT:-1}"
block="${BLOCK:-50}"
seed="${SEED:-20261124}"
peers="${PEERS:-1}"
updates="${UPDATES:-1}"
profile="${PROFILE:-0}"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
bench="$root/tests/Benchmarks/bin/Release/net10.0/sk-bench"

work="$(mktemp -d /tmp/sk-bench.XXXXXX)"
chmod 755 "$work" # the postgres user must reach its data folder
cluster=""
cleanup() {
  if [ -n "$cluster" ]; then
    pg_dropcluster 15 "$cluster" --stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
results="$work/results.tsv"
: >"$results"

pg=""
if [ "$peers" = 1 ]; then
  if ! command -v pg_createcluster >/dev/null; then
    echo "PostgreSQL 15 (pg_createcluster) is not installed: apt-get install -y postgresql-15" >&2
    exit 1
  fi
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  cluster="skbench$$"
  pg_createcluster 15 "$cluster" -p "$port" -d "$work/pg" -- --auth=trust >/dev/null
  pg_ctlcluster 15 "$cluster" start
  pg="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "== PostgreSQL 15 in a private cluster on port $port" >&2
fi

if [ "$updates" = 1 ]; then
  echo "== updates at the real content" >&2
  "$bench" updates --real --content content --index "$work/index-real" --results "$results"
  rm -rf "$work/index-real"
fi

for size in "${sizes[@]}"; do
  echo "== $size aanbod: generate and index" >&2
  "$bench" index --size "$size" --seed "$seed" --content content --index "$work/index-$size" --results "$results"
  echo "== $size aanbod: $queries queries" >&2
  "$bench" query --size "$size" --seed "$seed" --content content --index "$work/index-$size" --results "$results" \
    --queries "$queries" --warmup "$warmup" --warmup-seconds "$warmup_seconds" --threads "$threads"
  if [ "$profile" = 1 ]; then
    echo "== $size aanbod: profile" >&2
    "$bench" profile --size "$size" --seed "$seed" --content content --index "$work/index-$size" --results "$results" >&2
    "$bench" profile-build --size "$size" --seed "$seed" --content content >&2
  fi
  if [ "$peers" = 1 ]; then
    echo "== $size aanbod: Lucene.Net and PostgreSQL" >&2
    "$bench" peers-build --size "$size" --seed "$seed" --content content --lucene "$work/lucene-$size" --pg "$pg" --results "$results"
    "$bench" peer-memory --size "$size" --seed "$seed" --content content --lucene "$work/lucene-$size" --results "$results"
    echo "== $size aanbod: the three engines, interleaved, $repeat times" >&2
    "$bench" compare --size "$size" --seed "$seed" --content content --index "$work/index-$size" --lucene "$work/lucene-$size" --pg "$pg" \
      --queries "$queries" --repeat "$repeat" --pg-repeat "$pg_repeat" --block "$block" --warmup-seconds "$warmup_seconds" --results "$results"
    rm -rf "$work/lucene-$size"
  fi
  if [ "$updates" = 1 ]; then
    echo "== $size aanbod: updates" >&2
    "$bench" updates --size "$size" --content content --index "$work/index-$size" --results "$results"
  fi
  rm -rf "$work/index-$size"
done

[ -z "${RESULTS:-}" ] || cp "$results" "$RESULTS"
echo "## Sociale Kaart benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit (built at the start), sizes: ${sizes[*]}"
echo
echo "\`nproc\`: $(nproc); \`lscpu\` model name: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n1); RAM: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); load average at the start: $load_before"
echo
"$bench" report --results "$results"
