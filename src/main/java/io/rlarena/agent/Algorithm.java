package io.rlarena.agent;

import io.rlarena.env.Environment;

import java.util.function.Function;

/**
 * A training algorithm as the CLI and agent files know it: its name, its default configuration
 * (a validated record whose type defines the valid hyperparameters), how to make a learner, and
 * how to turn a saved model back into a greedy policy.
 */
public record Algorithm(String name, Record defaults, LearnerFactory learnerFactory,
                        Function<byte[], Policy> policyLoader) {

    /** Makes a learner for {@code env} from a configuration of the algorithm's type. */
    @FunctionalInterface
    public interface LearnerFactory {
        Learner create(Record config, Environment env, long seed);
    }

    public Class<? extends Record> configType() {
        return defaults.getClass();
    }
}
