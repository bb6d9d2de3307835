package io.rlarena.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What network to build: optional convolutional layers (for image-like {@code C x H x W}
 * observations), dense hidden layers, their activation, and optionally dueling heads (a state
 * value and action advantages combined as {@code V + A - mean(A)}). Agents receive networks built
 * from a spec; they never subclass per network type.
 */
public record NetworkSpec(List<ConvLayer> conv, List<Integer> hidden, String activation, boolean dueling) {

    /** One convolution: output channels, square kernel, stride and zero padding. */
    public record ConvLayer(int channels, int kernel, int stride, int padding) {
        public ConvLayer {
            if (channels < 1 || kernel < 1 || stride < 1 || padding < 0) {
                throw new IllegalArgumentException("network.conv layer needs channels, kernel, stride >= 1 and "
                        + "padding >= 0, got " + channels + "/" + kernel + "/" + stride + "/" + padding);
            }
        }
    }

    public NetworkSpec {
        conv = conv == null ? List.of() : List.copyOf(conv);
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        if (conv.isEmpty() && hidden.isEmpty()) {
            throw new IllegalArgumentException("network needs at least one layer: network.hidden, e.g. [64, 64], "
                    + "or network.conv");
        }
        for (Integer width : hidden) {
            if (width == null || width < 1) {
                throw new IllegalArgumentException("network.hidden widths must be >= 1, got " + hidden);
            }
        }
        activation = activation == null ? "relu" : activation.toLowerCase(Locale.ROOT);
        activationFunction(activation);
    }

    /** Dense layers only. */
    public NetworkSpec(List<Integer> hidden, String activation) {
        this(List.of(), hidden, activation, false);
    }

    /** DL4J's activation of that name; tanh and ReLU run on the JVM ({@link FastTanh}, {@link FastRelu}). */
    private static IActivation activationFunction(String name) {
        Activation activation;
        try {
            activation = Activation.fromString(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("network.activation '" + name + "' is unknown; use relu, tanh, "
                    + "elu, leakyrelu, sigmoid, swish ...");
        }
        return switch (activation) {
            case TANH -> new FastTanh();
            case RELU -> new FastRelu();
            default -> activation.getActivationFunction();
        };
    }

    /**
     * A network from observations of {@code inputShape} to {@code outputs} linear outputs,
     * trained with Adam at {@code learningRate} on {@code loss}, weights initialised from {@code seed}.
     *
     * @throws IllegalArgumentException if convolutions are asked for but the input is not {@code C x H x W},
     *                                  or the convolutions shrink the image to nothing
     */
    public Network build(int[] inputShape, int outputs, double learningRate, ILossFunction loss, long seed) {
        int inputSize = checkInput(inputShape);
        InputType inputType = inputType(inputShape);
        NeuralNetConfiguration.Builder base = base(learningRate, seed);
        try {
            return dueling ? graph(base, inputType, inputSize, outputs, loss)
                    : stack(base, inputType, inputSize, outputs, loss);
        } catch (IllegalArgumentException | IllegalStateException | org.deeplearning4j.exception.DL4JInvalidConfigException e) {
            throw new IllegalArgumentException("network " + this + " does not fit observations of shape "
                    + Arrays.toString(inputShape) + ": " + e.getMessage());
        }
    }

    /**
     * An actor-critic network: a policy head of {@code actions} logits trained on
     * {@code policyLoss} and a value head trained on {@code valueCoefficient * MSE}, on one shared
     * trunk or on two separate trunks of this spec's layers (dueling does not apply).
     *
     * @throws IllegalArgumentException as {@link #build}
     */
    public ActorCritic buildActorCritic(int[] inputShape, int actions, double learningRate, ILossFunction policyLoss,
                                        double valueCoefficient, boolean sharedTrunk, long seed) {
        if (dueling) {
            throw new IllegalArgumentException("network.dueling is for Q-networks; actor-critic networks have a "
                    + "policy and a value head instead: remove it");
        }
        try {
            return ActorCritic.build(this, inputShape, actions, learningRate, policyLoss, valueCoefficient, sharedTrunk,
                    seed);
        } catch (IllegalStateException | org.deeplearning4j.exception.DL4JInvalidConfigException e) {
            throw new IllegalArgumentException("network " + this + " does not fit observations of shape "
                    + Arrays.toString(inputShape) + ": " + e.getMessage());
        }
    }

    /**
     * Floats per observation.
     *
     * @throws IllegalArgumentException if convolutions are asked for but the input is not an image they fit
     */
    int checkInput(int[] inputShape) {
        if (!conv.isEmpty() && inputShape.length != 3) {
            throw new IllegalArgumentException("network.conv needs image observations of shape [C, H, W], but the "
                    + "observations have shape " + Arrays.toString(inputShape));
        }
        if (!conv.isEmpty()) {
            checkImageSizes(inputShape);
        }
        return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
    }

    InputType inputType(int[] inputShape) {
        return conv.isEmpty() ? InputType.feedForward(checkInput(inputShape))
                : InputType.convolutionalFlat(inputShape[1], inputShape[2], inputShape[0]);
    }

    static NeuralNetConfiguration.Builder base(double learningRate, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU);
    }

    /** Each convolution (truncating, as DL4J's default mode) must leave at least a 1 x 1 image. */
    private void checkImageSizes(int[] inputShape) {
        int height = inputShape[1];
        int width = inputShape[2];
        for (int i = 0; i < conv.size(); i++) {
            ConvLayer c = conv.get(i);
            height = Math.floorDiv(height + 2 * c.padding() - c.kernel(), c.stride()) + 1;
            width = Math.floorDiv(width + 2 * c.padding() - c.kernel(), c.stride()) + 1;
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("network " + this + " does not fit observations of shape "
                        + Arrays.toString(inputShape) + ": convolution " + i + " (kernel " + c.kernel() + ", stride "
                        + c.stride() + ", padding " + c.padding() + ") leaves no pixels; use a smaller kernel or padding");
            }
        }
    }

    /** The convolution and dense layers shared by both network forms, in order. */
    List<Layer> trunk() {
        IActivation act = activationFunction(activation);
        List<Layer> layers = new ArrayList<>();
        for (ConvLayer c : conv) {
            layers.add(FastConvolution.of(c.channels(), c.kernel(), c.stride(), c.padding(), act));
        }
        for (int width : hidden) {
            layers.add(new DenseLayer.Builder().nOut(width).activation(act).build());
        }
        return layers;
    }

    private Network stack(NeuralNetConfiguration.Builder base, InputType inputType, int inputSize, int outputs,
                          ILossFunction loss) {
        NeuralNetConfiguration.ListBuilder layers = base.list();
        for (Layer layer : trunk()) {
            layers.layer(layer);
        }
        layers.layer(new OutputLayer.Builder(loss).nOut(outputs).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER).build());
        MultiLayerConfiguration conf = layers.setInputType(inputType).build();
        ModelBytes.checkSize(ModelBytes.parameterCount(conf));
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return new LayerStack(network, inputSize, outputs);
    }

    private Network graph(NeuralNetConfiguration.Builder base, InputType inputType, int inputSize, int outputs,
                          ILossFunction loss) {
        ComputationGraphConfiguration.GraphBuilder graph = base.graphBuilder().addInputs("in").setInputTypes(inputType);
        String previous = "in";
        List<Layer> trunk = trunk();
        for (int i = 0; i < trunk.size(); i++) {
            graph.addLayer("trunk" + i, trunk.get(i), previous);
            previous = "trunk" + i;
        }
        graph.addLayer("value", new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER).build(), previous);
        graph.addLayer("advantage", new DenseLayer.Builder().nOut(outputs).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER).build(), previous);
        graph.addVertex("dueling", new DuelingVertex(outputs), "value", "advantage");
        graph.addLayer("q", new LossLayer.Builder(loss).activation(Activation.IDENTITY).build(), "dueling");
        graph.setOutputs("q");
        ComputationGraphConfiguration conf = graph.build();
        ModelBytes.checkSize(ModelBytes.parameterCount(conf));
        ComputationGraph network = new ComputationGraph(conf);
        network.init();
        return new LayerGraph(network, inputSize, outputs);
    }
}
