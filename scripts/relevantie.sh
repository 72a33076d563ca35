#!/usr/bin/env bash
# The graded test collection of the search (tests/Relevantie/zoekvragen.txt, see BENCHMARKS.md): builds the embedded
# index of content/ in a temporary folder and prints success@3, nDCG@5, MRR, the share of searches without results and
# of unneeded "bedoelde u" per class, per language and per part (A tuned on, C held out).
#
#   scripts/relevantie.sh             # the report
#   scripts/relevantie.sh --missers   # also every query that missed, with what came back
#   scripts/relevantie.sh --deel C    # the held-out part only
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build tests/Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec "$root/tests/Benchmarks/bin/Release/net10.0/sk-bench" relevantie --root "$root" "$@"
