#!/usr/bin/env bash
# Regenerates content/taal/woorden.txt from Debian's wdutch (the OpenTaal word list).
# The indexer uses it to split Dutch compound words ("schuldhulpverlening" → schuld + hulp + verlening).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f /usr/share/dict/dutch ]; then
  apt-get update -q && apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 wdutch
fi
# Lowercase single words of 3 to 16 letters: the building blocks of compounds.
LC_ALL=C.UTF-8 grep -E '^[a-zäëïöüáéíóúèà]{3,16}$' /usr/share/dict/dutch > "$root/content/taal/woorden.txt"
wc -l "$root/content/taal/woorden.txt"
