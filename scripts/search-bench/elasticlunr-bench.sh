#!/bin/bash
# Usage: ./elasticlunr-bench.sh <N>   (N = 1000 or 10000)
set -euo pipefail
N=$1
BENCH=${BENCH:-/dev/shm/cairn-bench-search}
cd $BENCH
for save in true false; do
  for i in 1 2 3; do
    /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB maxrss" -o results/el-$N-$save-time-$i.txt \
      node --max-old-space-size=6000 elasticlunr-build.js ${SITES:-$BENCH}/out-$N results/el-$N-save-$save.json $save \
      > results/el-$N-$save-log-$i.txt
    echo "save=$save run $i: $(cat results/el-$N-$save-time-$i.txt) $(cat results/el-$N-$save-log-$i.txt)"
  done
  f=results/el-$N-save-$save.json
  echo "save=$save raw bytes: $(stat -c %s $f)  gzip -9 bytes: $(gzip -9 -c $f | wc -c)"
done
