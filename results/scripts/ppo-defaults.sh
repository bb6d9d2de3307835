#!/bin/bash
# PPO generic defaults vs a candidate on envs without a PPO preset (results/ppo-defaults.md).
# Needs examples/corridor/corridor.jar (examples/corridor/build.sh).
mkdir -p "${OUT:-/tmp/ppo-defaults}"
cd "$(dirname "$0")/../.."
cand="--set learning_rate=1e-3 --set anneal_lr=true --set n_steps=32 --set batch_size=256 --set n_epochs=10"
for env in "CliffWalking-v0 --env-opt max_episode_steps=200" "FourRooms-v0" "Corridor-v0 --env-opt length=12 --plugin examples/corridor/corridor.jar"; do
  for variant in default candidate; do
    for seed in 1 2; do
      name=$(echo $env | cut -d' ' -f1)-$variant-$seed
      extra=""; [ $variant = candidate ] && extra="$cand"
      ./rlarena train --env $env --agent ppo --steps 60000 --seed $seed $extra --run-dir ${OUT:-/tmp/ppo-defaults}/$name > ${OUT:-/tmp/ppo-defaults}/$name.log 2>&1
      res=$(./rlarena eval --run ${OUT:-/tmp/ppo-defaults}/$name --episodes 50 --seed 7 --json $(echo "$env" | grep -o -- "--plugin [^ ]*") 2>&1 | grep -E '"mean_return"|"success_rate"' | tr -d ' \n')
      echo "$name $res"
    done
  done
done
