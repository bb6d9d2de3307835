package io.rlarena.agent;

/** A trainable agent bound to one environment; as a {@link Policy} it acts greedily. */
public interface Learner extends Policy {

    /** Trains for {@code steps} environment steps, reporting to {@code listener}. */
    void learn(long steps, TrainingListener listener);

    /** The trained network in DL4J's format, with optimizer state when {@code withUpdater}. */
    byte[] modelBytes(boolean withUpdater);
}
