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
                new float[] {1, 3, 5, 6}, new boolean[] {true, true, true, true}, 2, 0.9, out);
        assertArrayEquals(new float[] {1f + 0.9f * 3f, 0.5f}, out, 1e-6f);
    }

    @Test
    void doubleDqnLetsTheOnlineNetworkChooseAndTheTargetNetworkValue() {
        float[] out = new float[1];
        // online prefers action 0, target values it 1 (its own max would be 3)
        Dqn.tdTargets(new float[] {1f}, new boolean[] {false}, new float[] {10, 0}, new float[] {1, 3},
                new boolean[] {true, true}, 2, 0.9, out);
        assertEquals(1f + 0.9f * 1f, out[0], 1e-6f);
    }

    @Test
    void theMaxOfTheTargetSkipsIllegalActions() {
        float[] out = new float[2];
        Dqn.tdTargets(new float[] {0f, 2f}, new boolean[] {false, false}, new float[] {10, 0, 7, 7},
                new float[] {10, 4, 7, 7}, new boolean[] {false, true, false, false}, 2, 0.5, out);
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
        DqnConfig config = new DqnConfig(1e-3, 0.99, 32, 1000, 0, 1, 1, 100, 1.0, true, 0.5, 1.0, 0.1, 1.0,
                DqnConfig.DEFAULTS.network());
        assertEquals(1.0, Dqn.epsilon(0, 1000, config), 1e-12);
        assertEquals(0.55, Dqn.epsilon(250, 1000, config), 1e-12);
        assertEquals(0.1, Dqn.epsilon(500, 1000, config), 1e-12);
        assertEquals(0.1, Dqn.epsilon(999, 1000, config), 1e-12);
    }

    @Test
    void configErrorsNameTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DqnConfig(1e-3, 1.5, 32,
                1000, 0, 1, 1, 100, 1.0, true, 0.5, 1.0, 0.1, 1.0, DqnConfig.DEFAULTS.network()));
        assertTrue(e.getMessage().contains("dqn.gamma") && e.getMessage().contains("1.5"), e.getMessage());
        IllegalArgumentException buffer = assertThrows(IllegalArgumentException.class, () -> new DqnConfig(1e-3, 0.9,
                64, 10, 0, 1, 1, 100, 1.0, true, 0.5, 1.0, 0.1, 1.0, DqnConfig.DEFAULTS.network()));
        assertTrue(buffer.getMessage().contains("dqn.buffer_size must be >= 64"), buffer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new io.rlarena.nn.NetworkSpec(List.of(), "relu"));
        assertThrows(IllegalArgumentException.class, () -> new io.rlarena.nn.NetworkSpec(List.of(8), "nosuch"));
    }

    @Test
    void replayKeepsTheLatestTransitionsAndSamplesThemWhole() {
        ReplayBuffer buffer = new ReplayBuffer(3, 2, 2, 50, 1);
        for (int i = 0; i < 5; i++) {
            buffer.add(new float[] {i, -i}, i % 2, i * 10f, new float[] {i + 1, -(i + 1)}, i == 4,
                    new boolean[] {true, i % 2 == 0});
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
                    new boolean[] {i % 2 == 0, true, false});
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
            assertEquals(i % 2 == 0, second.nextMasks[3 * k]);
            assertTrue(second.nextMasks[3 * k + 1] && !second.nextMasks[3 * k + 2]);
        }
    }
}
