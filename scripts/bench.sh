#!/usr/bin/env bash
# Benchmarks of the embedded search engine (see BENCHMARKS.md): indexing throughput, query latency and memory
# on synthetic corpora made from the vocabulary of content/.
#
#   scripts/bench.sh                  # 10,000 and 100,000 aanbod
#   scripts/bench.sh 10000            # one size
#   QUERIES=1000 WARMUP=100 WARMUP_SECONDS=5 THREADS=2 SEED=20261124 scripts/bench.sh 10000 100000
#   RESULTS=bench.tsv scripts/bench.sh   # also keep the raw figures
#
# Each size runs in two processes of its own (index, then query), so the peak memory of one does not mix with
# the other. Indexes go to a temporary folder under /tmp that is removed at the end. Prints markdown tables.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
queries="${QUERIES:-1000}"
warmup="${WARMUP:-100}"
warmup_seconds="${WARMUP_SECONDS:-5}"
threads="${THREADS:-2}"
seed="${SEED:-20261124}"

dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
bench="$root/tests/Benchmarks/bin/Release/net10.0/sk-bench"

work="$(mktemp -d /tmp/sk-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
: >"$results"

for size in "${sizes[@]}"; do
  echo "== $size aanbod: generate and index" >&2
  "$bench" index --size "$size" --seed "$seed" --content content --index "$work/index-$size" --results "$results" --queries "$queries"
  echo "== $size aanbod: $queries queries" >&2
  "$bench" query --size "$size" --seed "$seed" --content content --index "$work/index-$size" --results "$results" \
    --queries "$queries" --warmup "$warmup" --warmup-seconds "$warmup_seconds" --threads "$threads"
  rm -rf "$work/index-$size"
done

[ -z "${RESULTS:-}" ] || cp "$results" "$RESULTS"
echo "## Sociale Kaart benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), sizes: ${sizes[*]}"
echo
echo "\`nproc\`: $(nproc); \`lscpu\` model name: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n1); RAM: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo
"$bench" report --results "$results"
