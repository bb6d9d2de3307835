package io.rlarena.agent;

import io.rlarena.env.Environment;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A training algorithm as the CLI and agent files know it: its name, its default configuration
 * (a validated record whose type defines the valid hyperparameters), how to make a learner, and
 * how to turn a saved model back into a greedy policy.
 */
public record Algorithm(String name, Record defaults, LearnerFactory learnerFactory,
                        Function<byte[], Policy> policyLoader) {

    /**
     * Makes a learner from a configuration of the algorithm's type; {@code envs} makes a new copy
     * of the environment on each call (one for DQN, one per vector-env copy for policy gradients),
     * and whoever supplies them closes them.
     */
    @FunctionalInterface
    public interface LearnerFactory {
        Learner create(Record config, Supplier<Environment> envs, long seed);
    }

    public Class<? extends Record> configType() {
        return defaults.getClass();
    }
}
