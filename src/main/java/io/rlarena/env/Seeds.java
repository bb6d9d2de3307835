package io.rlarena.env;

import java.security.SecureRandom;

/**
 * One root seed split into named, independent streams ("env", "exploration", "replay",
 * "network", ...), so that changing how one component draws numbers never shifts another.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of stream {@code name} under {@code root}. */
    public static long derive(long root, String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return mix(root ^ mix(h));
    }

    /** The seed of the {@code index}-th member of stream {@code name} (episode seeds, ...). */
    public static long derive(long root, String name, long index) {
        return mix(derive(root, name) + index * 0x9E3779B97F4A7C15L);
    }

    /** A fresh non-negative seed for a user who gave none (record it!). */
    public static long fresh() {
        return new SecureRandom().nextLong() & Long.MAX_VALUE;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
