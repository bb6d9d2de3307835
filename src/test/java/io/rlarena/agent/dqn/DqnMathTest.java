package io.rlarena.agent.dqn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure pieces of DQN against hand-computed numbers. */
class DqnMathTest {

    @Test
    void targetsBootstrapUnlessTerminated() {
        float[] out = new float[2];
        Dqn.tdTargets(new float[] {1f, 0.5f}, new boolean[] {false, true}, new float[] {1, 3, 5, 6},
                new float[] {1, 3, 5, 6}, new boolean[] {true, true, true, true}, 2, new double[] {0.9, 0.9}, out);
        assertArrayEquals(new float[] {1f + 0.9f * 3f, 0.5f}, out, 1e-6f);
    }

    @Test
    void doubleDqnLetsTheOnlineNetworkChooseAndTheTargetNetworkValue() {
        float[] out = new float[1];
        // online prefers action 0, target values it 1 (its own max would be 3)
        Dqn.tdTargets(new float[] {1f}, new boolean[] {false}, new float[] {10, 0}, new float[] {1, 3},
                new boolean[] {true, true}, 2, new double[] {0.9}, out);
        assertEquals(1f + 0.9f * 1f, out[0], 1e-6f);
    }

    @Test
    void theMaxOfTheTargetSkipsIllegalActions() {
        float[] out = new float[2];
        Dqn.tdTargets(new float[] {0f, 2f}, new boolean[] {false, false}, new float[] {10, 0, 7, 7},
                new float[] {10, 4, 7, 7}, new boolean[] {false, true, false, false}, 2, new double[] {0.5, 0.5}, out);
        assertEquals(0.5f * 4f, out[0], 1e-6f);
        assertEquals(2f, out[1], 1e-6f); // no legal action next: no bootstrap
    }

    @Test
    void targetNetworkUpdatesCopyOrAverage() {
        org.nd4j.linalg.api.ndarray.INDArray target = org.nd4j.linalg.factory.Nd4j.create(new float[] {0f, 10f}, 2);
        org.nd4j.linalg.api.ndarray.INDArray online = org.nd4j.linalg.factory.Nd4j.create(new float[] {1f, 20f}, 2);
        Dqn.polyakUpdate(target, online, 0.1);
        assertArrayEquals(new float[] {0.1f, 11f}, target.toFloatVector(), 1e-6f);
        Dqn.polyakUpdate(target, online, 1.0);
        assertArrayEquals(new float[] {1f, 20f}, target.toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {1f, 20f}, online.toFloatVector(), 1e-6f);
    }

    @Test
    void epsilonFallsLinearlyThenStays() {
        DqnConfig config = new DqnConfig(1e-3, 0.99, 32, 1000, 0, 1, 1, 100, 1.0, true, 0.5, 1.0, 0.1, 1.0, 1, 1, false,
                DqnConfig.DEFAULTS.network());
        assertEquals(1.0, Dqn.epsilon(0, 1000, config), 1e-12);
        assertEquals(0.55, Dqn.epsilon(250, 1000, config), 1e-12);
        assertEquals(0.1, Dqn.epsilon(500, 1000, config), 1e-12);
        assertEquals(0.1, Dqn.epsilon(999, 1000, config), 1e-12);
    }

    @Test
    void configErrorsNameTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DqnConfig(1e-3, 1.5, 32,
                1000, 0, 1, 1, 100, 1.0, true, 0.5, 1.0, 0.1, 1.0, 1, 1, false, DqnConfig.DEFAULTS.network()));
        assertTrue(e.getMessage().contains("dqn.gamma") && e.getMessage().contains("1.5"), e.getMessage());
        IllegalArgumentException buffer = assertThrows(IllegalArgumentException.class, () -> new DqnConfig(1e-3, 0.9,
                64, 10, 0, 1, 1, 100, 1.0, true, 0.5, 1.0, 0.1, 1.0, 1, 1, false, DqnConfig.DEFAULTS.network()));
        assertTrue(buffer.getMessage().contains("dqn.buffer_size must be >= 64"), buffer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new io.rlarena.nn.NetworkSpec(List.of(), "relu"));
        assertThrows(IllegalArgumentException.class, () -> new io.rlarena.nn.NetworkSpec(List.of(8), "nosuch"));
    }

    @Test
    void replayKeepsTheLatestTransitionsAndSamplesThemWhole() {
        ReplayBuffer buffer = new ReplayBuffer(3, 2, 2, 50, 1);
        for (int i = 0; i < 5; i++) {
            buffer.add(new float[] {i, -i}, i % 2, i * 10f, new float[] {i + 1, -(i + 1)}, i == 4,
                    new boolean[] {true, i % 2 == 0}, 0.9f);
        }
        assertEquals(3, buffer.size());
        ReplayBuffer.Batch batch = buffer.sample();
        boolean[] seen = new boolean[5];
        for (int k = 0; k < batch.size(); k++) {
            int i = (int) batch.observations[2 * k];
            assertTrue(i >= 2, "transition " + i + " should have been overwritten");
            seen[i] = true;
            assertEquals(-i, batch.observations[2 * k + 1]);
            assertEquals(i + 1, batch.nextObservations[2 * k]);
            assertEquals(i % 2, batch.actions[k]);
            assertEquals(i * 10f, batch.rewards[k]);
            assertEquals(i == 4, batch.terminated[k]);
            assertEquals(i % 2 == 0, batch.nextMasks[2 * k + 1]);
        }
        assertTrue(seen[2] && seen[3] && seen[4]);
    }

    @Test
    void aDrawnPhaseSplitsIntoItsBatchesRowForRow() {
        ReplayBuffer buffer = new ReplayBuffer(10, 2, 3, 6, 2);
        for (int i = 0; i < 10; i++) {
            buffer.add(new float[] {i, 100 + i}, i % 3, i, new float[] {-i, -100 - i}, i % 2 == 0,
                    new boolean[] {i % 2 == 0, true, false}, i);
        }
        ReplayBuffer.Batch phase = buffer.sample();
        ReplayBuffer.Batch second = new ReplayBuffer.Batch(3, 2, 3);
        phase.copyRows(3, second);
        for (int k = 0; k < 3; k++) {
            int i = (int) phase.observations[2 * (3 + k)];
            assertEquals(i, second.observations[2 * k]);
            assertEquals(100 + i, second.observations[2 * k + 1]);
            assertEquals(-100 - i, second.nextObservations[2 * k + 1]);
            assertEquals(i % 3, second.actions[k]);
            assertEquals(i, second.rewards[k]);
            assertEquals(i % 2 == 0, second.terminated[k]);
            assertEquals(i, second.discounts[k], 0.0);
            assertEquals(i % 2 == 0, second.nextMasks[3 * k]);
            assertTrue(second.nextMasks[3 * k + 1] && !second.nextMasks[3 * k + 2]);
        }
    }

    @Test
    void nStepTransitionsSumDiscountedRewardsAndShortenAtTheEpisodeEnd() {
        ReplayBuffer replay = new ReplayBuffer(10, 1, 2, 10, 1);
        NStepWindow window = new NStepWindow(3, 0.5, 1);
        boolean[] mask = {true, true};
        // an episode of 5 steps, cut (truncated) after the last: rewards 1, 2, 4, 8, 16
        for (int t = 0; t < 5; t++) {
            window.add(new float[] {t}, t % 2, 1 << t, new float[] {t + 1}, false, t == 4, mask, replay);
            if (t < 4) {
                assertEquals(Math.max(0, t - 1), replay.size(), "a transition leaves the window once it spans 3 steps");
            }
        }
        assertEquals(5, replay.size(), "the episode's end flushes the window");
        // every row of a large sample is one of the five transitions; check each one found
        float[][] expected = {
                {0, 1 + 0.5f * 2 + 0.25f * 4, 3, 0.125f},
                {1, 2 + 0.5f * 4 + 0.25f * 8, 4, 0.125f},
                {2, 4 + 0.5f * 8 + 0.25f * 16, 5, 0.125f},
                {3, 8 + 0.5f * 16, 5, 0.25f},
                {4, 16, 5, 0.5f}};
        boolean[] seen = new boolean[5];
        for (int draw = 0; draw < 20; draw++) {
            ReplayBuffer.Batch batch = replay.sample();
            for (int k = 0; k < batch.size(); k++) {
                int t = (int) batch.observations[k];
                assertEquals(expected[t][1], batch.rewards[k], 1e-6f, "return of step " + t);
                assertEquals(expected[t][2], batch.nextObservations[k], "observation after step " + t);
                assertEquals(expected[t][3], batch.discounts[k], 1e-9, "discount of step " + t);
                assertEquals(t % 2, batch.actions[k]);
                assertTrue(!batch.terminated[k], "a truncated episode bootstraps");
                seen[t] = true;
            }
        }
        assertTrue(seen[0] && seen[1] && seen[2] && seen[3] && seen[4]);
        // a termination after two steps: both transitions end there and do not bootstrap
        ReplayBuffer ended = new ReplayBuffer(4, 1, 2, 4, 1);
        window.add(new float[] {7}, 0, 1, new float[] {8}, false, false, mask, ended);
        window.add(new float[] {8}, 1, 1, new float[] {9}, true, true, mask, ended);
        assertEquals(2, ended.size());
        ReplayBuffer.Batch batch = ended.sample();
        for (int k = 0; k < batch.size(); k++) {
            assertTrue(batch.terminated[k]);
            assertEquals(batch.observations[k] == 7 ? 1.5f : 1f, batch.rewards[k], 1e-6f);
            assertEquals(9f, batch.nextObservations[k]);
        }
    }
}
