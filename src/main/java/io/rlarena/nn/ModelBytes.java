package io.rlarena.nn;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Networks to and from bytes in DL4J's own zip format (JSON configuration plus binary parameters). */
public final class ModelBytes {

    private ModelBytes() {
    }

    public static byte[] write(Network network, boolean withUpdater) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(network.model(), out, withUpdater);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a saved network: a layer stack or a graph.
     *
     * @throws IllegalArgumentException if the bytes are not a readable DL4J model
     */
    public static Network read(byte[] bytes, boolean withUpdater) {
        try {
            MultiLayerNetwork stack = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes),
                    withUpdater);
            int inputSize = stack.getLayerWiseConfigurations().getInputPreProcess(0)
                    instanceof FeedForwardToCnnPreProcessor image ? imageSize(image) : (int) stack.layerInputSize(0);
            return new LayerStack(stack, inputSize, outputs(stack.output(Nd4j.zeros(1, inputSize))));
        } catch (IOException | RuntimeException notAStack) {
            try {
                ComputationGraph graph = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes),
                        withUpdater);
                int inputSize = inputSize(graph.getConfiguration());
                return new LayerGraph(graph, inputSize, outputs(graph.outputSingle(Nd4j.zeros(1, inputSize))));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("the DL4J model inside is unreadable (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Makes {@code into} continue where the saved network in {@code bytes} stopped: its parameters,
     * optimizer state and iteration count (Adam's bias correction) are copied in, while {@code into}
     * keeps its own listeners (gradient clipping). Both must have the same architecture.
     *
     * @throws IllegalArgumentException if the bytes are unreadable or hold another architecture
     */
    public static void restoreInto(Model into, byte[] bytes) {
        Model saved;
        try {
            saved = into instanceof MultiLayerNetwork
                    ? ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), true)
                    : ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the checkpoint's network is unreadable (" + e.getMessage() + ")", e);
        }
        if (saved.params().length() != into.params().length()) {
            throw new IllegalArgumentException("the checkpoint's network has " + saved.params().length()
                    + " parameters, this run's " + into.params().length() + ": not the same architecture");
        }
        into.params().assign(saved.params());
        if (into instanceof MultiLayerNetwork to) {
            MultiLayerNetwork from = (MultiLayerNetwork) saved;
            to.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
            to.getLayerWiseConfigurations().setIterationCount(from.getLayerWiseConfigurations().getIterationCount());
            to.getLayerWiseConfigurations().setEpochCount(from.getLayerWiseConfigurations().getEpochCount());
        } else {
            ComputationGraph from = (ComputationGraph) saved;
            ComputationGraph to = (ComputationGraph) into;
            to.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
            to.getConfiguration().setIterationCount(from.getConfiguration().getIterationCount());
            to.getConfiguration().setEpochCount(from.getConfiguration().getEpochCount());
        }
    }

    private static int outputs(INDArray row) {
        return (int) row.size(1);
    }

    private static int imageSize(FeedForwardToCnnPreProcessor image) {
        return (int) (image.getInputHeight() * image.getInputWidth() * image.getNumChannels());
    }

    /** Floats per input row: read off the first layer (its image pre-processor for a CNN). */
    static int inputSize(ComputationGraphConfiguration conf) {
        String input = conf.getNetworkInputs().get(0);
        for (Map.Entry<String, List<String>> entry : conf.getVertexInputs().entrySet()) {
            if (entry.getValue().contains(input) && conf.getVertices().get(entry.getKey()) instanceof LayerVertex layer) {
                if (layer.getPreProcessor() instanceof FeedForwardToCnnPreProcessor image) {
                    return imageSize(image);
                }
                if (layer.getLayerConf().getLayer() instanceof FeedForwardLayer dense) {
                    return (int) dense.getNIn();
                }
            }
        }
        throw new IllegalArgumentException("the saved network's input size cannot be determined");
    }
}
