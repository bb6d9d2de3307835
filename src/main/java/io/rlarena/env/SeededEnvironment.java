package io.rlarena.env;

import java.util.random.RandomGenerator;

/**
 * Base for environments with randomness: {@link #reset(long)} reseeds the generator that
 * {@link #random()} returns, then calls {@link #reset()}; an environment never seeded draws its
 * seed from entropy on first use. Its state between episodes is the generator's
 * ({@link Resumable}); a subclass that carries more from one episode to the next (a counter,
 * say) overrides both methods and includes {@code super}'s.
 */
public abstract class SeededEnvironment implements Environment, Resumable {

    private RestorableRandom rng;

    @Override
    public final Reset reset(long seed) {
        rng = new RestorableRandom(seed);
        return reset();
    }

    /** The environment's own random generator: all of its randomness comes from here. */
    protected final RandomGenerator random() {
        return generator();
    }

    private RestorableRandom generator() {
        if (rng == null) {
            rng = new RestorableRandom(Seeds.fresh());
        }
        return rng;
    }

    @Override
    public long[] betweenEpisodes() {
        return new long[] {generator().state()};
    }

    @Override
    public void restoreBetweenEpisodes(long[] state) {
        if (state.length < 1) {
            throw new IllegalArgumentException("an environment state holds its generator's state; got none");
        }
        generator().restore(state[0]);
    }
}
