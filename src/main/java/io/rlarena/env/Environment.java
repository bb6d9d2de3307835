package io.rlarena.env;

/**
 * A reinforcement-learning environment with discrete actions, in Gymnasium's shape: call
 * {@link #reset(long)} once with a seed (or {@link #reset()}), then {@link #step(int)} until the
 * returned step is terminated or truncated, then reset again.
 *
 * <p>Implementations keep their own random generator, seeded only by {@code reset(seed)}; a plain
 * {@code reset()} continues that generator's stream, so a seeded sequence of episodes is
 * reproducible. Observations are float arrays described by {@link #observationSpace()}.
 */
public interface Environment extends AutoCloseable {

    /** The id, options and time limit this environment was made with. */
    EnvSpec spec();

    Space observationSpace();

    Discrete actionSpace();

    /** Reseeds the environment's random generator, then starts a new episode. */
    Reset reset(long seed);

    /** Starts a new episode, continuing the current random stream. */
    Reset reset();

    /** Applies {@code action} (which must be in the action space and legal under the mask). */
    Step step(int action);

    /**
     * Which actions are legal in the current state; every action unless the environment has
     * illegal actions (board games). The array is fresh and {@code actionSpace().n()} long.
     */
    default boolean[] actionMask() {
        return actionSpace().allLegal();
    }

    /** The current state as human-readable text. */
    String render();

    @Override
    default void close() {
    }
}
