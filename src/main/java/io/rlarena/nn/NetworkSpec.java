package io.rlarena.nn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.List;
import java.util.Locale;

/**
 * What network to build: hidden layer widths and their activation. Agents receive networks built
 * from a spec; they never subclass per network type.
 */
public record NetworkSpec(List<Integer> hidden, String activation) {

    public NetworkSpec {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("network.hidden must list at least one layer width, e.g. [64, 64]");
        }
        for (Integer width : hidden) {
            if (width == null || width < 1) {
                throw new IllegalArgumentException("network.hidden widths must be >= 1, got " + hidden);
            }
        }
        hidden = List.copyOf(hidden);
        activation = activation == null ? "relu" : activation.toLowerCase(Locale.ROOT);
        activationFunction(activation);
    }

    private static Activation activationFunction(String name) {
        try {
            return Activation.fromString(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("network.activation '" + name + "' is unknown; use relu, tanh, "
                    + "elu, leakyrelu, sigmoid, swish ...");
        }
    }

    /**
     * An MLP from {@code inputs} floats to {@code outputs} linear outputs trained with Adam at
     * {@code learningRate} on {@code loss}, weights initialised from {@code seed}.
     */
    public MultiLayerNetwork buildMlp(int inputs, int outputs, double learningRate, ILossFunction loss, long seed) {
        Activation act = activationFunction(activation);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list();
        int width = inputs;
        for (int i = 0; i < hidden.size(); i++) {
            layers.layer(i, new DenseLayer.Builder().nIn(width).nOut(hidden.get(i)).activation(act).build());
            width = hidden.get(i);
        }
        layers.layer(hidden.size(), new OutputLayer.Builder(loss).nIn(width).nOut(outputs)
                .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
