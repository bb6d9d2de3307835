package io.rlarena.env;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vector env against the same copies stepped one by one. */
class VectorEnvTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.load();

    private static Environment cartPole() {
        return REGISTRY.make("CartPole-v1", Map.of());
    }

    @Test
    void matchesCopiesSteppedAloneIncludingAutoResetAndFinalObservation() {
        int n = 3;
        try (VectorEnv vector = new VectorEnv(VectorEnvTest::cartPole, n, 1)) {
            Environment[] alone = new Environment[n];
            float[][] expected = new float[n][];
            float[] first = vector.reset(7);
            for (int i = 0; i < n; i++) {
                alone[i] = cartPole();
                expected[i] = alone[i].reset(Seeds.derive(7, "copy", i)).observation();
                assertArrayEquals(expected[i], Arrays.copyOfRange(first, i * 4, i * 4 + 4));
            }
            int episodesEnded = 0;
            for (int t = 0; t < 300; t++) {
                int[] actions = new int[n];
                for (int i = 0; i < n; i++) {
                    actions[i] = (t + i) % 3 == 0 ? 0 : 1;  // a poor policy: episodes end often
                }
                vector.step(actions);
                for (int i = 0; i < n; i++) {
                    Step step = alone[i].step(actions[i]);
                    assertEquals(step.reward(), vector.rewards()[i]);
                    assertEquals(step.terminated(), vector.terminated()[i]);
                    assertEquals(step.truncated(), vector.truncated()[i]);
                    float[] row = Arrays.copyOfRange(vector.observations(), i * 4, i * 4 + 4);
                    if (step.done()) {
                        episodesEnded++;
                        assertArrayEquals(step.observation(), vector.finalObservation(i));
                        assertArrayEquals(alone[i].reset().observation(), row, "auto-reset observation");
                    } else {
                        assertNull(vector.finalObservation(i));
                        assertArrayEquals(step.observation(), row);
                    }
                }
            }
            assertTrue(episodesEnded > 10, "the test must cover auto-resets, saw " + episodesEnded);
        }
    }

    @Test
    void workerThreadsGiveTheSameResults() {
        try (VectorEnv serial = new VectorEnv(VectorEnvTest::cartPole, 5, 1);
             VectorEnv threaded = new VectorEnv(VectorEnvTest::cartPole, 5, 2)) {
            assertArrayEquals(serial.reset(3), threaded.reset(3));
            for (int t = 0; t < 200; t++) {
                int[] actions = {t % 2, (t / 3) % 2, 1, 0, (t * 7) % 2};
                serial.step(actions);
                threaded.step(actions);
                assertArrayEquals(serial.observations(), threaded.observations());
                assertArrayEquals(serial.terminated(), threaded.terminated());
            }
        }
    }

    @Test
    void truncationKeepsTheRealLastObservation() {
        try (VectorEnv vector = new VectorEnv(() -> new TimeLimit(new TestEnvs.Chain(), 10), 2, 1)) {
            vector.reset(0);
            for (int t = 1; t <= 10; t++) {
                vector.step(new int[] {0, 1});
            }
            assertTrue(vector.truncated()[0] && vector.truncated()[1]);
            assertFalse(vector.terminated()[0]);
            assertNotNull(vector.finalObservation(1));
        }
    }

    @Test
    void inactiveCopiesStayWhereTheyAre() {
        try (VectorEnv vector = new VectorEnv(VectorEnvTest::cartPole, 2, 1)) {
            float[] start = vector.reset(1).clone();
            vector.step(new int[] {1, 1}, new boolean[] {false, true});
            assertArrayEquals(Arrays.copyOfRange(start, 0, 4), Arrays.copyOfRange(vector.observations(), 0, 4));
            assertEquals(0f, vector.rewards()[0]);
            assertEquals(1f, vector.rewards()[1]);
            assertFalse(Arrays.equals(Arrays.copyOfRange(start, 4, 8), Arrays.copyOfRange(vector.observations(), 4, 8)));
        }
    }

    @Test
    void masksAreBatchedAndBadArgumentsRejected() {
        try (VectorEnv vector = new VectorEnv(VectorEnvTest::cartPole, 2, 1)) {
            vector.reset(0);
            assertArrayEquals(new boolean[] {true, true, true, true}, vector.masks());
            assertThrows(IllegalArgumentException.class, () -> vector.step(new int[] {0}));
        }
        Environment shared = cartPole();
        assertThrows(IllegalArgumentException.class, () -> new VectorEnv(() -> shared, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new VectorEnv(VectorEnvTest::cartPole, 0, 1));
    }
}
