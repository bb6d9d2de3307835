package io.rlarena.env;

/**
 * Truncates episodes after {@code maxEpisodeSteps} steps (Gymnasium's TimeLimit). A limit of 0
 * truncates nothing and removes the wrapped environment's own limit from the spec.
 */
public final class TimeLimit extends Wrapper {

    private final int maxEpisodeSteps;
    private int elapsed;

    public TimeLimit(Environment env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps < 0) {
            throw new IllegalArgumentException("time limit must be >= 0 steps (0: none), got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    @Override
    public EnvSpec spec() {
        return env.spec().withMaxEpisodeSteps(maxEpisodeSteps);
    }

    @Override
    public Reset reset(long seed) {
        elapsed = 0;
        return super.reset(seed);
    }

    @Override
    public Reset reset() {
        elapsed = 0;
        return super.reset();
    }

    @Override
    public Step step(int action) {
        Step step = super.step(action);
        elapsed++;
        return maxEpisodeSteps > 0 && elapsed >= maxEpisodeSteps && !step.truncated() ? step.truncate() : step;
    }
}
