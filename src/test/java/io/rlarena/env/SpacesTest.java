package io.rlarena.env;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpacesTest {

    @Test
    void discreteContainsOnlyItsIndices() {
        Discrete space = new Discrete(4);
        assertTrue(space.contains(0));
        assertTrue(space.contains(3));
        assertFalse(space.contains(4));
        assertFalse(space.contains(-1));
        assertTrue(space.contains(new float[] {2f}));
        assertFalse(space.contains(new float[] {2.5f}));
        assertFalse(space.contains(new float[] {1f, 2f}));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @Test
    void maskedSamplingDrawsOnlyLegalActionsUniformly() {
        Discrete space = new Discrete(5);
        boolean[] mask = {false, true, false, true, false};
        SplittableRandom rng = new SplittableRandom(7);
        int[] counts = new int[5];
        for (int i = 0; i < 10_000; i++) {
            counts[space.sample(rng, mask)]++;
        }
        assertEquals(0, counts[0] + counts[2] + counts[4]);
        assertEquals(5_000, counts[1], 200);
        assertEquals(5_000, counts[3], 200);
    }

    @Test
    void maskedSamplingRejectsBadMasks() {
        Discrete space = new Discrete(3);
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> space.sample(rng, new boolean[3]));
        assertThrows(IllegalArgumentException.class, () -> space.sample(rng, new boolean[] {true, true}));
    }

    @Test
    void boxChecksShapeAndBounds() {
        Box box = Box.of(-1f, 1f, 2, 3);
        assertEquals(6, box.flatSize());
        assertArrayEquals(new int[] {2, 3}, box.shape());
        assertTrue(box.contains(new float[] {0, 1, -1, 0.5f, 0, 0}));
        assertFalse(box.contains(new float[] {0, 1.5f, 0, 0, 0, 0}));
        assertFalse(box.contains(new float[] {0, 0, 0}));
        assertFalse(box.contains(new float[] {Float.NaN, 0, 0, 0, 0, 0}));
        assertEquals(Box.of(-1f, 1f, 2, 3), box);
        assertThrows(IllegalArgumentException.class, () -> new Box(new int[] {2}, new float[] {1, 1}, new float[] {0, 2}));
    }

    @Test
    void boxSamplesStayInside() {
        Box box = new Box(new int[] {3}, new float[] {0, -5, Float.NEGATIVE_INFINITY},
                new float[] {1, 5, Float.POSITIVE_INFINITY});
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            assertTrue(box.contains(box.sample(rng)));
        }
    }

    @Test
    void seedStreamsAreIndependentAndStable() {
        assertEquals(Seeds.derive(1, "env"), Seeds.derive(1, "env"));
        assertFalse(Seeds.derive(1, "env") == Seeds.derive(1, "replay"));
        assertFalse(Seeds.derive(1, "env") == Seeds.derive(2, "env"));
        assertFalse(Seeds.derive(1, "eval", 0) == Seeds.derive(1, "eval", 1));
    }
}
