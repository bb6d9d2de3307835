package io.rlarena.agent.pg;

import io.rlarena.agent.Algorithm;
import io.rlarena.agent.TrainingListener;
import io.rlarena.env.Environment;

import java.util.function.Supplier;

/**
 * Advantage actor-critic (Mnih et al. 2016, the synchronous variant, as in Stable-Baselines3):
 * every {@code n_steps} vector steps on {@code n_envs} copies, one gradient step on all the
 * rollout's transitions, with advantages {@code R - V(s)} from n-step returns (which stop at
 * terminations and bootstrap at truncations and at the rollout's end), the value loss and an
 * entropy bonus.
 */
public final class A2c extends PolicyGradient {

    public static final Algorithm ALGORITHM = new Algorithm("a2c", A2cConfig.DEFAULTS,
            (config, envs, seed) -> new A2c((A2cConfig) config, envs, seed), ActorCriticPolicy::load);

    private final A2cConfig config;
    private final Rollout rollout;

    public A2c(A2cConfig config, Supplier<Environment> envs, long seed) {
        super(config, envs, seed);
        this.config = config;
        this.rollout = new Rollout(config.nSteps(), vector, tracker);
    }

    @Override
    public void learn(long totalSteps, TrainingListener listener) {
        long step = begin();
        int capacity = rollout.capacity * rollout.copies;
        float[] returns = new float[capacity];
        float[] advantages = new float[capacity];
        int[] rows = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            rows[i] = i;
        }
        while (step < totalSteps) {
            if (config.annealLr()) {
                network.setLearningRate(config.learningRate() * (1.0 - (double) step / totalSteps));
            }
            int steps = PolicyGradient.rolloutSteps(config.nSteps(), totalSteps - step, rollout.copies);
            rollout.collect(vector, network, steps, sampling, step, listener);
            Returns.nStep(rollout.rewards, rollout.terminated, rollout.truncated, rollout.finalValues,
                    rollout.lastValues, steps, rollout.copies, config.gamma(), returns);
            for (int i = 0; i < rollout.size(); i++) {
                advantages[i] = returns[i] - rollout.values[i];
            }
            tracker.loss = PolicyGradient.fit(network, rollout.observations, rollout.masks, rollout.chosen,
                    rollout.logProbs, rows, 0, rollout.size(), advantages, returns, config.normalizeAdvantage());
            listener.onUpdate(tracker.loss);
            step = PolicyGradient.reportSteps(step, rollout.size(), totalSteps, listener);
            listener.onBoundary(step);
        }
    }

    /** The value head's estimate for {@code observation}. */
    public float value(float[] observation) {
        return network.output(observation, 1).values()[0];
    }
}
