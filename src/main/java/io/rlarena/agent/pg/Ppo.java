package io.rlarena.agent.pg;

import io.rlarena.agent.Algorithm;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.Environment;
import io.rlarena.env.RestorableRandom;

import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Proximal policy optimization (Schulman et al. 2017), as in Stable-Baselines3 and CleanRL:
 * rollouts of {@code n_steps} on {@code n_envs} copies with one batched forward pass per vector
 * step, GAE(lambda) advantages that stop at terminations and bootstrap at truncations, then
 * {@code n_epochs} passes of shuffled minibatches on the clipped surrogate, the value loss and an
 * entropy bonus, with per-minibatch advantage normalization, global gradient-norm clipping and
 * optional linear learning-rate annealing.
 */
public final class Ppo extends PolicyGradient {

    public static final Algorithm ALGORITHM = new Algorithm("ppo", PpoConfig.DEFAULTS,
            (config, envs, seed) -> new Ppo((PpoConfig) config, envs, seed), ActorCriticPolicy::load);

    private final PpoConfig config;
    private final Rollout rollout;
    private final RestorableRandom shuffling;

    public Ppo(PpoConfig config, Supplier<Environment> envs, long seed) {
        super(config, envs, seed);
        this.config = config;
        this.rollout = new Rollout(config.nSteps(), vector, tracker);
        this.shuffling = stream("minibatches");
    }

    @Override
    List<RestorableRandom> streams() {
        return List.of(sampling, shuffling);
    }

    @Override
    public void learn(long totalSteps, TrainingListener listener) {
        long step = begin();
        float[] advantages = new float[rollout.capacity * rollout.copies];
        float[] returns = new float[advantages.length];
        while (step < totalSteps) {
            if (config.annealLr()) {
                network.setLearningRate(config.learningRate() * (1.0 - (double) step / totalSteps));
            }
            // collect: one rollout under the current policy
            int steps = PolicyGradient.rolloutSteps(config.nSteps(), totalSteps - step, rollout.copies);
            rollout.collect(vector, network, steps, sampling, step, listener);

            // estimate: GAE advantages, and value targets = advantages + values
            Returns.gae(rollout.rewards, rollout.values, rollout.terminated, rollout.truncated, rollout.finalValues,
                    rollout.lastValues, steps, rollout.copies, config.gamma(), config.gaeLambda(), advantages);
            for (int i = 0; i < rollout.size(); i++) {
                returns[i] = advantages[i] + rollout.values[i];
            }

            // optimize: epochs of shuffled minibatches
            tracker.loss = optimize(advantages, returns);
            listener.onUpdate(tracker.loss);
            step = PolicyGradient.reportSteps(step, rollout.size(), totalSteps, listener);
            listener.onBoundary(step);
        }
    }

    /** {@code n_epochs} passes of minibatch updates over the rollout; returns the mean loss. */
    private double optimize(float[] advantages, float[] returns) {
        int size = rollout.size();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        double lossSum = 0;
        int updates = 0;
        for (int epoch = 0; epoch < config.nEpochs(); epoch++) {
            shuffle(order, shuffling);
            for (int from = 0; from < size; from += config.batchSize()) {
                int to = Math.min(size, from + config.batchSize());
                lossSum += PolicyGradient.fit(network, rollout.observations, rollout.masks, rollout.chosen,
                        rollout.logProbs, order, from, to, advantages, returns,
                        config.normalizeAdvantage());
                updates++;
            }
        }
        return lossSum / updates;
    }

    /** Fisher-Yates shuffle of {@code values} in place. */
    static void shuffle(int[] values, RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
