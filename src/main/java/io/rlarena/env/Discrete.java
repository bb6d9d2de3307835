package io.rlarena.env;

import java.util.random.RandomGenerator;

/** The integers {@code 0 .. n-1}: actions of every rlarena environment, and tabular states. */
public record Discrete(int n) implements Space {

    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete space needs n >= 1, got n=" + n);
        }
    }

    public boolean contains(int value) {
        return value >= 0 && value < n;
    }

    @Override
    public boolean contains(float[] value) {
        return value != null && value.length == 1 && value[0] == Math.rint(value[0]) && contains((int) value[0]);
    }

    @Override
    public int flatSize() {
        return 1;
    }

    /** A uniformly random member. */
    public int sample(RandomGenerator rng) {
        return rng.nextInt(n);
    }

    /**
     * A uniformly random member among those whose {@code mask} entry is true.
     *
     * @throws IllegalArgumentException if the mask has the wrong length or allows nothing
     */
    public int sample(RandomGenerator rng, boolean[] mask) {
        if (mask.length != n) {
            throw new IllegalArgumentException("action mask has length " + mask.length + ", space has n=" + n);
        }
        int legal = 0;
        for (boolean allowed : mask) {
            if (allowed) {
                legal++;
            }
        }
        if (legal == 0) {
            throw new IllegalArgumentException("action mask allows no action");
        }
        int pick = rng.nextInt(legal);
        for (int a = 0; a < n; a++) {
            if (mask[a] && pick-- == 0) {
                return a;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** A mask with every action allowed. */
    public boolean[] allLegal() {
        boolean[] mask = new boolean[n];
        java.util.Arrays.fill(mask, true);
        return mask;
    }
}
