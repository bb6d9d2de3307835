package io.rlarena.nn;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastActivationsTest {

    @Test
    void tanhApproximationStaysWithinFourTenMillionthsEverywhere() {
        double worst = 0;
        for (float x = -20f; x <= 20f; x += 1e-3f) {
            worst = Math.max(worst, Math.abs(FastTanh.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst < 4e-7, "max |error| " + worst);
        assertEquals(0f, FastTanh.tanh(0f));
        assertEquals(1e-20f, FastTanh.tanh(1e-20f), 1e-26f, "tiny arguments keep their relative accuracy");
        assertEquals(-FastTanh.tanh(0.37f), FastTanh.tanh(-0.37f), "odd");
    }

    /** Arrays in every layout the layers hand over: c and f order, 4-d, a dense sub-block, strided views, doubles. */
    private static List<INDArray> layouts() {
        Nd4j.getRandom().setSeed(7);
        INDArray big = Nd4j.randn(DataType.FLOAT, 12, 9).muli(3);
        return List.of(Nd4j.randn(DataType.FLOAT, 5, 7).muli(3), Nd4j.randn(DataType.FLOAT, 'f', 5, 7).muli(3),
                Nd4j.randn(DataType.FLOAT, 2, 3, 4, 4).muli(3),
                big.get(NDArrayIndex.interval(4, 9), NDArrayIndex.all()),
                big.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6)),
                Nd4j.randn(DataType.FLOAT, 6, 8).muli(3).transpose(),
                Nd4j.randn(DataType.DOUBLE, 4, 5).muli(3));
    }

    private static void assertSameAsNd4j(IActivation fast, IActivation nd4j, double tolerance) {
        for (INDArray z : layouts()) {
            INDArray epsilon = Nd4j.randn(z.dataType(), z.shape());
            INDArray expected = nd4j.getActivation(z.dup(), true);
            INDArray actual = z.dup(z.ordering());
            INDArray returned = fast.getActivation(actual, true);
            assertTrue(expected.equalsWithEps(returned, tolerance), fast + " of " + z.shapeInfoToString());

            Pair<INDArray, INDArray> expectedGradient = nd4j.backprop(z.dup(), epsilon.dup());
            INDArray in = z.dup(z.ordering());
            Pair<INDArray, INDArray> gradient = fast.backprop(in, epsilon.dup());
            if (HostFloats.denseAlike(z, epsilon)) {
                assertTrue(returned == actual && gradient.getFirst() == in, "the JVM loops work in place");
            }
            assertTrue(expectedGradient.getFirst().equalsWithEps(gradient.getFirst(), tolerance),
                    fast + " gradient of " + z.shapeInfoToString());
        }
    }

    @Test
    void tanhMatchesNd4jInValueAndGradientForEveryLayout() {
        assertSameAsNd4j(new FastTanh(), Activation.TANH.getActivationFunction(), 1e-6);
    }

    @Test
    void reluMatchesNd4jExactlyForEveryLayout() {
        assertSameAsNd4j(new FastRelu(), Activation.RELU.getActivationFunction(), 0);
    }

    @Test
    void onlyDenseHostFloatArraysTakeTheJvmLoop() {
        List<INDArray> layouts = layouts();
        assertTrue(HostFloats.dense(layouts.get(0)));
        assertTrue(HostFloats.dense(layouts.get(1)));
        assertTrue(HostFloats.dense(layouts.get(3)), "rows of a c-order matrix are one run of memory");
        assertFalse(HostFloats.dense(layouts.get(4)), "a column range has gaps");
        assertFalse(HostFloats.dense(layouts.get(6)), "doubles");
        assertFalse(HostFloats.denseAlike(layouts.get(0), layouts.get(0).dup('f')), "different element order");
    }

    @Test
    void networksWithTheJvmActivationsTrainTheSameAndSurviveSaving() throws Exception {
        for (String activation : List.of("tanh", "relu")) {
            NetworkSpec spec = new NetworkSpec(List.of(16, 16), activation);
            LayerStack fast = (LayerStack) spec.build(new int[] {3}, 2, 1e-2, new HuberLoss(), 5);
            MultiLayerNetwork reference = fast.stack().clone();
            for (int i = 0; i < 2; i++) {
                ((BaseLayer) reference.getLayerWiseConfigurations().getConf(i).getLayer()).setActivationFn(
                        Activation.fromString(activation).getActivationFunction());
            }
            INDArray x = Nd4j.create(new float[] {0.1f, -0.5f, 2f, 1.5f, 0.3f, -1f}, 2, 3);
            INDArray y = Nd4j.create(new float[] {1f, -1f, 0.5f, 2f}, 2, 2);
            for (int i = 0; i < 20; i++) {
                fast.stack().fit(x, y);
                reference.fit(x, y);
            }
            assertTrue(reference.output(x).equalsWithEps(fast.stack().output(x), 1e-4), activation);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(fast.stack(), bytes, true);
            MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(
                    new ByteArrayInputStream(bytes.toByteArray()), true);
            assertEquals(fast.stack().output(x), loaded.output(x));
            IActivation saved = ((BaseLayer) loaded.getLayerWiseConfigurations().getConf(0).getLayer()).getActivationFn();
            assertEquals(activation.equals("tanh") ? new FastTanh() : new FastRelu(), saved);
        }
    }
}
