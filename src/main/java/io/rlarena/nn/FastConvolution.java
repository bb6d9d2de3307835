package io.rlarena.nn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's 2-d convolution layer, configured and saved like it, whose forward and backward passes
 * on the CPU copy image patches on the JVM and leave ND4J one matrix product per step
 * ({@link FastConvolutionLayer}). ND4J 1.0.0-M1.1's own im2col, col2im and permuting copies cost
 * about ten times the arithmetic on the small images of grid games (results/maze-cnn.md).
 */
public class FastConvolution extends ConvolutionLayer {

    /** For DL4J's JSON configuration. */
    public FastConvolution() {
    }

    private FastConvolution(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /** A square {@code kernel} convolution to {@code channels} outputs with the given stride and zero padding. */
    public static FastConvolution of(int channels, int kernel, int stride, int padding, IActivation activation) {
        return new FastConvolution(new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
                .padding(padding, padding).nOut(channels).activation(activation));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        FastConvolutionLayer layer = new FastConvolutionLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
