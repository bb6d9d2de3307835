#!/usr/bin/env bash
# The commands behind results/pg-cartpole.md, in order; run from the repository root on a quiet
# machine. Writes JSON reports to results/bench/ and run directories to runs/pg-cartpole/.
set -euo pipefail
mkdir -p results/bench runs/pg-cartpole

# speed of the pieces, PPO's CartPole preset (8 copies x 32 steps)
./rlarena bench --env CartPole-v1 --agent ppo --repeats 5 --out results/bench/cartpole-ppo.json
# batched acting: the same training with 1 copy x 256 steps per rollout instead of 8 x 32
./rlarena bench --env CartPole-v1 --agent ppo --parts training --repeats 3 --set n_envs=1 --set n_steps=256 \
    --out results/bench/cartpole-ppo-1-copy.json
./rlarena bench --env CartPole-v1 --agent dqn --parts inference,updates,training --repeats 3 \
    --out results/bench/cartpole-dqn.json
# DQN's batched acting: the same training with 1 copy instead of 8
./rlarena bench --env CartPole-v1 --agent dqn --parts training --repeats 3 --set n_envs=1 \
    --out results/bench/cartpole-dqn-1-copy.json

# per-call cost of ND4J's activation kernels against rlarena's JVM loops (128 x 64 floats)
OMP_NUM_THREADS=1 java -XX:+UseParallelGC -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -cp "target/rlarena.jar:target/lib/*" \
    results/scripts/ActivationTiming.java

# time to solve (first evaluation >= 475), medians over seeds
./rlarena bench --scenario cartpole-ppo --seeds 1,2,3,4,5,6,7,8,9,10 --out results/bench/scenario-cartpole-ppo.json
./rlarena bench --scenario cartpole-a2c --seeds 1,2,3,4,5,6,7,8,9,10 --out results/bench/scenario-cartpole-a2c.json
./rlarena bench --scenario cartpole-dqn --seeds 1,2,3,4,5,6,7,8,9,10 --out results/bench/scenario-cartpole-dqn.json

# the acceptance commands: train with the preset, evaluate 100 episodes
for agent in ppo a2c dqn; do
  for seed in 1 2 3; do
    run=runs/pg-cartpole/$agent-seed$seed
    rm -rf "$run"
    ./rlarena train --env CartPole-v1 --agent $agent --seed $seed --run-dir "$run" | tail -3 | head -1
    ./rlarena eval --run "$run" --episodes 100 --seed 1 --json > "$run/eval.json"
    grep -E '"mean_return"' "$run/eval.json" | sed "s|^|$agent seed $seed: |"
  done
done
