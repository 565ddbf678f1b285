#!/usr/bin/env bash
# The README demo: index the fictional example corpus, then analyze a stitched-and-spun article made from it.
set -euo pipefail
cd "$(dirname "$0")/.."
unspun() { node dist/cli/bin.js "$@"; }
# analyze exits 1 when a finding is at error severity: that is a result here, not a failure.
ok() { "$@" || [ $? -eq 1 ]; }

mkdir -p .demo
rm -f .demo/unspun.db .demo/unspun.db-wal .demo/unspun.db-shm
unspun index examples/corpus --db .demo/unspun.db
ok unspun analyze examples/article.txt --db .demo/unspun.db --format html --out report.html
ok unspun analyze examples/article.txt --db .demo/unspun.db
echo
echo "HTML report: $(pwd)/report.html"
