#!/bin/bash
# A sweep in 4 shards on Slurm: a job array of 4 tasks, task k runs shard k/4.
#   sbatch slurm-array.sh
#   sbatch --dependency=afterok:<job id> --wrap \
#     "epochlab sweep merge sweeps/lr-batch/shard-{1,2,3,4} --out sweeps/lr-batch/merged"
# A task that fails can be rerun alone (sbatch --array=3 slurm-array.sh); add
# --resume to pick up the configurations its interrupted folder already holds.
#SBATCH --job-name=epochlab-sweep
#SBATCH --array=1-4
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --output=sweeps/logs/shard-%a.log
set -euo pipefail
mkdir -p sweeps/lr-batch
epochlab sweep line \
  --lr 1e-4,3e-4,1e-3,3e-3,1e-2,3e-2 --batch-size 1,5 --momentum 0,0.9 \
  --epochs 2000 --seeds 8 --backend cpu \
  --workers "${SLURM_CPUS_PER_TASK}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" \
  --out "sweeps/lr-batch/shard-${SLURM_ARRAY_TASK_ID}"
