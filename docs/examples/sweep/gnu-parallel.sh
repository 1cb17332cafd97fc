#!/bin/bash
# A sweep in 4 shards with GNU parallel, on this machine or over ssh on others
# (add --sshloginfile hosts.txt --return sweeps/lr-batch/shard-{} --cleanup):
# each job is one shard with 1 worker thread, so 4 jobs fill 4 cores.
#   bash gnu-parallel.sh
set -euo pipefail
shards=4
mkdir -p sweeps/lr-batch
seq 1 "${shards}" | parallel --jobs "${shards}" --halt now,fail=1 \
  epochlab sweep line \
    --lr 1e-4,3e-4,1e-3,3e-3,1e-2,3e-2 --batch-size 1,5 --momentum 0,0.9 \
    --epochs 2000 --seeds 8 --backend cpu --quiet --workers 1 \
    --shard "{}/${shards}" --out "sweeps/lr-batch/shard-{}"
epochlab sweep merge $(seq -f "sweeps/lr-batch/shard-%g" 1 "${shards}") --out sweeps/lr-batch/merged
