#!/usr/bin/env bash
# Runs a command and samples its resident memory (VmRSS, all threads) every second, so a streaming run
# can be seen to stay flat: prints "seconds rss-MB" lines and the peak (VmHWM) at the end.
#   bash scripts/rss-samples.sh npx tsx src/cli/bin.ts index big.warc.gz --db /tmp/big.db
set -u
"$@" &
pid=$!
# npx and tsx start node under them: follow the deepest child, the process that does the work.
sleep 2
leaf=$pid
while child=$(pgrep -P "$leaf" | head -1) && [ -n "$child" ]; do leaf=$child; done
t0=$(date +%s)
peak=0
while kill -0 "$leaf" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$leaf/status" 2>/dev/null) || break
  hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$leaf/status" 2>/dev/null) || break
  [ -n "$hwm" ] && peak=$hwm
  echo "rss $(( $(date +%s) - t0 ))s ${rss} MB"
  sleep 1
done
wait "$pid"
code=$?
echo "peak rss ${peak} MB, exit ${code}"
exit $code
