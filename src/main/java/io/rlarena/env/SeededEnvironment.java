package io.rlarena.env;

import java.util.SplittableRandom;

/**
 * Base for environments with randomness: {@link #reset(long)} reseeds the generator that
 * {@link #random()} returns, then calls {@link #reset()}; an environment never seeded draws its
 * seed from entropy on first use.
 */
public abstract class SeededEnvironment implements Environment {

    private SplittableRandom rng;

    @Override
    public final Reset reset(long seed) {
        rng = new SplittableRandom(seed);
        return reset();
    }

    /** The environment's own random generator: all of its randomness comes from here. */
    protected final SplittableRandom random() {
        if (rng == null) {
            rng = new SplittableRandom();
        }
        return rng;
    }
}
