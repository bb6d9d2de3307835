package io.rlarena.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastConvolutionTest {

    /** Input channels, height, width; then per convolution: channels, kernel, stride, padding. */
    private record Case(int channels, int height, int width, int[][] convolutions) {
    }

    private static final List<Case> CASES = List.of(
            new Case(3, 7, 6, new int[][] {{5, 3, 1, 1}, {4, 3, 1, 1}}),
            new Case(2, 9, 9, new int[][] {{4, 2, 2, 0}, {3, 3, 1, 1}}),
            new Case(3, 5, 5, new int[][] {{6, 3, 1, 0}, {2, 2, 1, 0}}),
            new Case(1, 8, 8, new int[][] {{3, 3, 2, 1}, {5, 1, 1, 0}}));

    private static MultiLayerNetwork network(Case c, boolean fast, Activation activation, DataType type) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder().seed(3).dataType(type)
                .updater(new Adam(1e-2)).weightInit(WeightInit.RELU).list();
        for (int[] conv : c.convolutions()) {
            Layer layer = fast
                    ? FastConvolution.of(conv[0], conv[1], conv[2], conv[3], activation.getActivationFunction())
                    : new ConvolutionLayer.Builder(conv[1], conv[1]).stride(conv[2], conv[2]).padding(conv[3], conv[3])
                    .nOut(conv[0]).activation(activation).build();
            layers.layer(layer);
        }
        layers.layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build());
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(3).activation(Activation.IDENTITY).build());
        MultiLayerNetwork network = new MultiLayerNetwork(
                layers.setInputType(InputType.convolutionalFlat(c.height(), c.width(), c.channels())).build());
        network.init();
        return network;
    }

    private static INDArray gradient(MultiLayerNetwork network, INDArray x, INDArray y) {
        network.setInput(x);
        network.setLabels(y);
        network.computeGradientAndScore();
        return network.gradient().gradient().dup();
    }

    @Test
    void outputsAndGradientsMatchDl4jsConvolutionForEveryGeometry() {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (Case c : CASES) {
                for (Activation activation : List.of(Activation.RELU, Activation.TANH)) {
                    String name = c + " " + activation + " " + type;
                    MultiLayerNetwork fast = network(c, true, activation, type);
                    MultiLayerNetwork reference = network(c, false, activation, type);
                    reference.setParams(fast.params());
                    Nd4j.getRandom().setSeed(11);
                    INDArray x = Nd4j.rand(type, 5, c.channels() * c.height() * c.width()).subi(0.3);
                    INDArray y = Nd4j.rand(type, 5, 3);
                    assertTrue(reference.output(x).equalsWithEps(fast.output(x), 1e-5), name);
                    INDArray expected = gradient(reference, x, y);
                    INDArray actual = gradient(fast, x, y);
                    double scale = expected.norm2Number().doubleValue();
                    assertTrue(scale > 0, name);
                    assertTrue(expected.sub(actual).norm2Number().doubleValue() <= 1e-5 * scale,
                            name + ": gradients differ by " + expected.sub(actual).norm2Number());
                    for (int i = 0; i < 10; i++) {
                        fast.fit(x, y);
                        reference.fit(x, y);
                    }
                    assertTrue(reference.output(x).equalsWithEps(fast.output(x), 1e-4), name + " after training");
                }
            }
        }
    }

    @Test
    void floatImagesOnTheCpuTakeTheJvmLoopsAndEverythingElseDl4jsCode() {
        FastConvolution plain = FastConvolution.of(4, 3, 1, 1, Activation.RELU.getActivationFunction());
        assertTrue(FastConvolutionLayer.runsOnJvm(plain, Nd4j.rand(DataType.FLOAT, 2, 3, 5, 5)));
        assertFalse(FastConvolutionLayer.runsOnJvm(plain, Nd4j.rand(DataType.DOUBLE, 2, 3, 5, 5)));
        assertFalse(FastConvolutionLayer.runsOnJvm(plain, Nd4j.rand(DataType.FLOAT, 2, 75)));
        FastConvolution dilated = FastConvolution.of(4, 3, 1, 1, Activation.RELU.getActivationFunction());
        dilated.setDilation(new int[] {2, 2});
        assertFalse(FastConvolutionLayer.runsOnJvm(dilated, Nd4j.rand(DataType.FLOAT, 2, 3, 5, 5)));
        FastConvolution same = FastConvolution.of(4, 3, 1, 1, Activation.RELU.getActivationFunction());
        same.setConvolutionMode(org.deeplearning4j.nn.conf.ConvolutionMode.Same);
        assertFalse(FastConvolutionLayer.runsOnJvm(same, Nd4j.rand(DataType.FLOAT, 2, 3, 5, 5)));
    }

    @Test
    void networksSpecifiedWithConvolutionsUseItAndKeepItThroughSaving() throws Exception {
        NetworkSpec spec = new NetworkSpec(List.of(new NetworkSpec.ConvLayer(4, 3, 1, 1)), List.of(8), "relu", false);
        LayerStack network = (LayerStack) spec.build(new int[] {2, 5, 5}, 3, 1e-3, new HuberLoss(), 1);
        assertInstanceOf(FastConvolution.class, network.stack().getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(FastConvolutionLayer.class, network.stack().getLayer(0));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network.stack(), bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(FastConvolutionLayer.class, loaded.getLayer(0));
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 50);
        assertEquals(network.stack().output(x), loaded.output(x));
    }
}
