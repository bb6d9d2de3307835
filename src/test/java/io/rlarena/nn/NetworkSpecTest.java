package io.rlarena.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkSpecTest {

    private static final NetworkSpec CNN = new NetworkSpec(List.of(new NetworkSpec.ConvLayer(8, 3, 1, 1),
            new NetworkSpec.ConvLayer(8, 3, 2, 0)), List.of(32), "relu", false);

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 7) / 7f;
        }
        return x;
    }

    @Test
    void duelingHeadsCombineValueAndCentredAdvantages() {
        NetworkSpec spec = new NetworkSpec(List.of(), List.of(16), "tanh", true);
        Network network = spec.build(new int[] {5}, 3, 1e-2, new HuberLoss(), 1);
        assertInstanceOf(LayerGraph.class, network);
        ComputationGraph graph = ((LayerGraph) network).graph();
        INDArray input = Nd4j.create(ramp(10), 2, 5);
        Map<String, INDArray> activations = graph.feedForward(input, false);
        INDArray value = activations.get("value");
        INDArray advantage = activations.get("advantage");
        INDArray expected = advantage.sub(advantage.mean(true, 1)).addi(value);
        assertArrayEquals(expected.data().asFloat(), network.output(ramp(10), 2), 1e-5f);
        float[] q = network.output(ramp(10), 2);
        assertEquals(value.getFloat(0, 0), (q[0] + q[1] + q[2]) / 3, 1e-5f, "mean Q is V");
    }

    @Test
    void duelingNetworksLearnAndSurviveSaving() {
        Network network = new NetworkSpec(List.of(), List.of(16), "relu", true).build(new int[] {4}, 2, 1e-2,
                new HuberLoss(), 2);
        float[] inputs = ramp(8);
        float[] labels = {1, 0, 0, -1};
        float[] mask = {1, 0, 0, 1};
        network.fit(inputs, labels, mask, 2);
        double first = network.score();
        for (int i = 0; i < 200; i++) {
            network.fit(inputs, labels, mask, 2);
        }
        assertTrue(network.score() < first / 10, "loss " + first + " -> " + network.score());
        Network loaded = ModelBytes.read(ModelBytes.write(network, false), false);
        assertArrayEquals(network.output(inputs, 2), loaded.output(inputs, 2), 1e-6f);
        assertEquals(4, loaded.inputSize());
        assertEquals(2, loaded.outputSize());
    }

    @Test
    void convolutionsReadChannelPlanesAndSurviveSaving() {
        Network network = CNN.build(new int[] {3, 9, 9}, 4, 1e-3, new HuberLoss(), 3);
        assertInstanceOf(LayerStack.class, network);
        assertEquals(243, network.inputSize());
        float[] two = ramp(486);
        assertEquals(8, network.output(two, 2).length);
        Network loaded = ModelBytes.read(ModelBytes.write(network, true), true);
        assertEquals(243, loaded.inputSize());
        assertEquals(4, loaded.outputSize());
        assertArrayEquals(network.output(two, 2), loaded.output(two, 2), 1e-6f);
        Network dueling = new NetworkSpec(CNN.conv(), CNN.hidden(), "relu", true).build(new int[] {3, 9, 9}, 4, 1e-3,
                new HuberLoss(), 3);
        Network loadedDueling = ModelBytes.read(ModelBytes.write(dueling, false), false);
        assertEquals(243, loadedDueling.inputSize());
        assertArrayEquals(dueling.output(two, 2), loadedDueling.output(two, 2), 1e-6f);
    }

    @Test
    void shapeErrorsSayWhatWasExpected() {
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> CNN.build(new int[] {16}, 4, 1e-3, new HuberLoss(), 1));
        assertTrue(flat.getMessage().contains("[C, H, W]") && flat.getMessage().contains("[16]"), flat.getMessage());
        NetworkSpec huge = new NetworkSpec(List.of(new NetworkSpec.ConvLayer(4, 11, 1, 0)), List.of(8), "relu", false);
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> huge.build(new int[] {3, 9, 9}, 4, 1e-3, new HuberLoss(), 1));
        assertTrue(tooBig.getMessage().contains("does not fit observations of shape [3, 9, 9]"), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec.ConvLayer(0, 3, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec(List.of(), List.of(), "relu", false));
    }
}
