package io.rlarena.env;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestorableRandomTest {

    /** Every draw rlarena makes gives SplittableRandom's value for the same seed, so results are unchanged. */
    @Test
    void drawsExactlySplittableRandomsSequence() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE, 0x9e3779b97f4a7c15L}) {
            same(seed, RandomGenerator::nextInt);
            same(seed, r -> r.nextInt(7));
            same(seed, r -> r.nextInt(1 << 20));
            same(seed, r -> r.nextInt(Integer.MAX_VALUE));
            same(seed, r -> r.nextInt(-5, 12));
            same(seed, RandomGenerator::nextLong);
            same(seed, r -> r.nextLong(1_000_003L));
            same(seed, RandomGenerator::nextDouble);
            same(seed, r -> r.nextDouble(2.5));
            same(seed, RandomGenerator::nextFloat);
            same(seed, RandomGenerator::nextBoolean);
            same(seed, RandomGenerator::nextGaussian);
            same(seed, r -> r.nextGaussian(1, 3));
            same(seed, RandomGenerator::nextExponential);
        }
    }

    private static void same(long seed, Function<RandomGenerator, Object> draw) {
        SplittableRandom expected = new SplittableRandom(seed);
        RestorableRandom actual = new RestorableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            assertEquals(draw.apply(expected), draw.apply(actual), "seed " + seed + ", draw " + i);
        }
    }

    @Test
    void aRestoredStateContinuesTheSequence() {
        RestorableRandom random = new RestorableRandom(5);
        for (int i = 0; i < 100; i++) {
            random.nextGaussian();
        }
        RestorableRandom copy = new RestorableRandom(0);
        copy.restore(random.state());
        for (int i = 0; i < 100; i++) {
            assertEquals(random.nextDouble(), copy.nextDouble());
            assertEquals(random.nextInt(10), copy.nextInt(10));
        }
    }
}
