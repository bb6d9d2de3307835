package io.rlarena.nn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path a GPU backend takes, forced on the CPU: with the JVM loops off, every network family
 * computes the same outputs and learns the same weights through ND4J's own ops.
 */
class HostLoopFallbackTest {

    @AfterEach
    void loopsBackOn() {
        HostFloats.useHostLoops(true);
    }

    @Test
    void everyNetworkFamilyGivesTheSameOutputsAndUpdatesWithoutTheJvmLoops() {
        List<NetworkSpec> specs = List.of(
                new NetworkSpec(List.of(), List.of(16, 16), "tanh", false),
                new NetworkSpec(List.of(), List.of(16, 16), "relu", true),
                new NetworkSpec(List.of(new NetworkSpec.ConvLayer(4, 3, 1, 1)), List.of(8), "relu", false));
        int[] shape = {2, 5, 5};
        int rows = 6;
        float[] inputs = randomFloats(rows * 50, 1);
        float[] labels = randomFloats(rows * 3, 2);
        float[] mask = new float[rows * 3];
        java.util.Arrays.fill(mask, 1f);
        for (NetworkSpec spec : specs) {
            float[][] withLoops = run(spec, shape, inputs, labels, mask, rows, true);
            float[][] withoutLoops = run(spec, shape, inputs, labels, mask, rows, false);
            for (int i = 0; i < withLoops.length; i++) {
                assertArrayEquals(withLoops[i], withoutLoops[i], 2e-5f, spec + ", result " + i);
            }
        }
    }

    @Test
    void withTheLoopsOffNoArrayQualifies() {
        HostFloats.useHostLoops(false);
        assertFalse(HostFloats.onHost());
        assertFalse(HostFloats.dense(Nd4j.rand(DataType.FLOAT, 3, 4)));
        assertFalse(FastConvolutionLayer.runsOnJvm(FastConvolution.of(4, 3, 1, 1,
                org.nd4j.linalg.activations.Activation.RELU.getActivationFunction()), Nd4j.rand(DataType.FLOAT, 2, 3, 5, 5)));
        HostFloats.useHostLoops(true);
        assertTrue(HostFloats.dense(Nd4j.rand(DataType.FLOAT, 3, 4)), "the CPU backend runs them when asked");
    }

    /** Outputs before training, after three fits, and the weights then. */
    private static float[][] run(NetworkSpec spec, int[] shape, float[] inputs, float[] labels, float[] mask, int rows,
                                 boolean hostLoops) {
        HostFloats.useHostLoops(hostLoops);
        Network network = spec.build(shape, 3, 1e-2, new HuberLoss(), 5);
        float[] before = network.output(inputs, rows);
        for (int i = 0; i < 3; i++) {
            network.fit(inputs, labels, mask, rows);
        }
        return new float[][] {before, network.output(inputs, rows), network.params().toFloatVector()};
    }

    private static float[] randomFloats(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
