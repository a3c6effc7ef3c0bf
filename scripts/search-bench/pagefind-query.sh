#!/bin/bash
# Usage: ./pagefind-query.sh <N> <query> <worker: 1|0> <port>
# Serves site-pf-<N> (the Pagefind-indexed copy) with python's http.server, loads
# search-test.html in headless chromium, prints the in-page Resource Timing report,
# and, from the server's access log, every requested file with its raw and gzip -9 size.
set -euo pipefail
N=$1; Q=$2; W=$3; PORT=$4
BENCH=${BENCH:-/dev/shm/cairn-bench-search}
COPY=$BENCH/site-pf-$N
TAG=pfq-$N-$Q-w$W
cp $BENCH/search-test.html $COPY/search-test.html
# Headless chromium's virtual time does not always wait for the network + worker;
# retry (fresh server, fresh profile) until the page reports a result.
for attempt in 1 2 3 4; do
  python3 -m http.server --bind 127.0.0.1 $PORT --directory $COPY > $BENCH/results/$TAG-server.log 2>&1 &
  SRV=$!
  trap 'kill $SRV 2>/dev/null || true' EXIT
  for i in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:$PORT/__probe__ && break; sleep 0.1; done
  PROFILE=$(mktemp -d /tmp/chromium-profile.XXXXXX)
  timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --user-data-dir=$PROFILE \
    --virtual-time-budget=30000 --dump-dom "http://127.0.0.1:$PORT/search-test.html?q=$Q&worker=$W" \
    > $BENCH/results/$TAG-dom.html 2> $BENCH/results/$TAG-chromium.err || true
  rm -rf "$PROFILE"
  kill $SRV; wait $SRV 2>/dev/null || true; trap - EXIT
  grep -o 'RESULT {[^<]*\|ERROR [^<"]\+' $BENCH/results/$TAG-dom.html | sed 's/&quot;/"/g' > $BENCH/results/$TAG-report.txt || true
  [ -s $BENCH/results/$TAG-report.txt ] && break
  echo "(attempt $attempt: no result yet, retrying)"
  PORT=$((PORT+100))
done
cat $BENCH/results/$TAG-report.txt | head -c 600; echo
# Server log: '127.0.0.1 - - [date] "GET /path HTTP/1.1" 200 -'
grep -a -o '"GET [^ ]* HTTP[^"]*" [0-9]*' $BENCH/results/$TAG-server.log | grep -v __probe__ | awk '{print $2, $4}' | sed 's/?[^ ]*//' > $BENCH/results/$TAG-requests.txt
raw=0; gz=0; n=0
while read -r p status; do
  f=$COPY$p
  [ "$status" = 200 ] || { echo "  $status $p"; continue; }
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  echo "  $p raw=$r gzip9=$g"
  raw=$((raw+r)); gz=$((gz+g)); n=$((n+1))
done < $BENCH/results/$TAG-requests.txt > $BENCH/results/$TAG-files.txt
cat $BENCH/results/$TAG-files.txt
# Exclude the test page itself from the totals.
tp=$(grep -c '^  /search-test.html ' $BENCH/results/$TAG-files.txt || true)
tpr=$(stat -c %s $COPY/search-test.html); tpg=$(gzip -9 -c $COPY/search-test.html | wc -c)
echo "TOTAL (server log, excluding search-test.html): files=$((n-tp)) raw=$((raw-tp*tpr)) gzip9=$((gz-tp*tpg))"
