#!/bin/bash
# Usage: ./pagefind-bench.sh <N> [variant]   (N = 1000 or 10000; variant "main" adds --root-selector main)
# Copies the built site to a scratch folder and runs Pagefind 3 times, timing each run
# (fresh copy before each run, so every run indexes from scratch).
set -euo pipefail
N=$1
VARIANT=${2:-default}
EXTRA=()
[ "$VARIANT" = main ] && EXTRA=(--root-selector main)
BENCH=${BENCH:-/dev/shm/cairn-bench-search}
SRC=${SITES:-$BENCH}/out-$N
if [ "$VARIANT" = default ]; then COPY=$BENCH/site-pf-$N; TAG=pf-$N; else COPY=$BENCH/site-pf-$VARIANT-$N; TAG=pf-$VARIANT-$N; fi
mkdir -p $BENCH/results
cd $BENCH
for i in 1 2 3; do
  rm -rf "$COPY"
  cp -a "$SRC" "$COPY"
  sync
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB maxrss" -o $BENCH/results/$TAG-time-$i.txt \
    npx --no-install pagefind --site "$COPY" "${EXTRA[@]}" > $BENCH/results/$TAG-log-$i.txt 2>&1
  echo "run $i: $(cat $BENCH/results/$TAG-time-$i.txt); pagefind says: $(grep -o 'Finished in .*' $BENCH/results/$TAG-log-$i.txt)"
done
grep -E 'Indexed [0-9]+ (pages|words)' $BENCH/results/$TAG-log-3.txt
echo "pagefind/ bytes: $(du -sb $COPY/pagefind | cut -f1) (apparent, incl. dirs); files: $(find $COPY/pagefind -type f | wc -l); sum of file sizes: $(find $COPY/pagefind -type f -printf '%s\n' | awk '{s+=$1} END {print s}')"
for d in index fragment; do
  echo "  $d/: files $(find $COPY/pagefind/$d -type f | wc -l), bytes $(find $COPY/pagefind/$d -type f -printf '%s\n' | awk '{s+=$1} END {print s}')"
done
echo "  top-level files:"; find $COPY/pagefind -maxdepth 1 -type f -printf '    %f %s\n' | sort
