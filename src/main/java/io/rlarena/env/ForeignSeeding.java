package io.rlarena.env;

/**
 * An environment adapted from another library, whose random generator rlarena reaches only as
 * far as that code allows. {@link EnvChecker} reads it: a foreign environment that is not
 * {@link #seedable()} and whose rollouts differ gets a warning (training works; runs are not
 * reproducible) instead of a problem.
 */
public interface ForeignSeeding {

    /** Whether {@link Environment#reset(long)} reseeds every random generator the environment draws from. */
    boolean seedable();

    /** How {@code reset(seed)} reaches the environment's randomness, or why it cannot: one line for the checker. */
    String seeding();
}
