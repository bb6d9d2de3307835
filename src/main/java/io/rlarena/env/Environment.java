package io.rlarena.env;

/**
 * A reinforcement-learning environment with discrete actions, in Gymnasium's shape: call
 * {@link #reset(long)} once with a seed (or {@link #reset()}), then {@link #step(int)} until the
 * returned step is terminated or truncated, then reset again.
 *
 * <p>The contract, which {@link EnvChecker} ({@code rlarena check-env}) enforces:
 * <ul>
 *   <li>{@link #spec()}, {@link #observationSpace()} and {@link #actionSpace()} are never null;
 *       every observation (from reset and step) lies in the observation space.</li>
 *   <li>Determinism: the environment keeps its own random generator, seeded only by
 *       {@code reset(seed)}; a plain {@code reset()} continues that generator's stream. The same
 *       seed and the same actions give the same observations, rewards and flags (extend
 *       {@link SeededEnvironment} and draw from its {@code random()} to get this, and exact resume).</li>
 *   <li>Each returned observation and mask is a fresh array: the caller may keep it, and the
 *       environment must not change it later.</li>
 *   <li>Rewards are finite.</li>
 *   <li>An action outside the action space throws {@link IllegalArgumentException}; the mask of a
 *       running episode allows at least one action.</li>
 *   <li>Episodes end: the spec's {@link EnvSpec#maxEpisodeSteps()} is the time limit (the
 *       registry's {@code TimeLimit} wrapper truncates there); an environment whose episodes may run
 *       forever must declare one.</li>
 *   <li>{@link #render()} returns text, never null.</li>
 * </ul>
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
