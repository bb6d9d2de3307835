package io.rlarena.env;

import java.util.random.RandomGenerator;

/**
 * The random generator of every rlarena stream: exactly {@link java.util.RandomGenerator}'s
 * sequence for a seed (SplitMix64 with the golden gamma; every other method is
 * {@link RandomGenerator}'s default on top of {@link #nextInt()} and {@link #nextLong()}, as
 * RandomGenerator's are), but with a state that can be read and set, so a checkpoint can save
 * every generator and a resumed run draws exactly what the uninterrupted run would have.
 */
public final class RestorableRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;

    public RestorableRandom(long seed) {
        this.seed = seed;
    }

    /** The whole state: {@code new RestorableRandom(state())} continues this generator's sequence. */
    public long state() {
        return seed;
    }

    /** Continues from a {@link #state()}. */
    public void restore(long state) {
        this.seed = state;
    }

    @Override
    public int nextInt() {
        return mix32(seed += GOLDEN_GAMMA);
    }

    @Override
    public long nextLong() {
        return mix64(seed += GOLDEN_GAMMA);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
