package io.rlarena.nn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The layer of a {@link FastConvolution}. With images as columns {@code X[K][N]} (one column per
 * output pixel of every image, {@code K = inChannels * kernel * kernel} rows, built on the JVM) and
 * the weights as {@code W[outChannels][K]}: forward {@code Z = W X}, backward {@code dW = D X^T} and
 * {@code dX = W^T D}, three ND4J matrix products; the patch copies, the bias and the reordering
 * between {@code [channel][image, pixel]} and NCHW are JVM loops. Where these loops cannot run (a
 * GPU backend, doubles, NHWC, dilation, {@code Same} mode, dropout or weight noise), DL4J's own code
 * does.
 */
final class FastConvolutionLayer extends ConvolutionLayer {

    private static final int[] NO_DILATION = {1, 1};

    private float[] image;
    private float[] columns;
    private float[] pixels;

    FastConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Sizes of one pass: images, channels, input and output pixels, kernel, stride and padding. */
    private record Geometry(int images, int inChannels, int inHeight, int inWidth, int outChannels, int kernelHeight,
                            int kernelWidth, int strideY, int strideX, int padY, int padX, int outHeight, int outWidth) {

        int patch() {
            return inChannels * kernelHeight * kernelWidth;
        }

        int outPixels() {
            return outHeight * outWidth;
        }

        int columnCount() {
            return images * outPixels();
        }
    }

    private boolean onJvm() {
        return helper == null && runsOnJvm(layerConf(), input);
    }

    /** Whether a layer so configured computes on {@code input} with the JVM loops rather than DL4J's code. */
    static boolean runsOnJvm(org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf, INDArray input) {
        return HostFloats.onHost() && input != null && input.dataType() == DataType.FLOAT
                && input.rank() == 4 && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && conf.getConvolutionMode() != ConvolutionMode.Same && Arrays.equals(conf.getDilation(), NO_DILATION)
                && conf.getIDropout() == null && conf.getWeightNoise() == null;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (!onJvm()) {
            return super.preOutput(training, forBackprop, workspaceMgr);
        }
        validateInputRank();
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        validateInputDepth(weights.size(1));
        Geometry g = geometry(weights);
        return new Pair<>(preActivation(g, weights, toColumns(g), training, workspaceMgr), null);
    }

    /** {@code W X + b} in NCHW order, in the activations workspace. */
    private INDArray preActivation(Geometry g, INDArray weights, INDArray columnMatrix, boolean training,
                                   LayerWorkspaceMgr workspaceMgr) {
        INDArray products = Nd4j.createUninitialized(DataType.FLOAT, new long[] {g.outChannels(), g.columnCount()}, 'c');
        Nd4j.gemm(weightMatrix(weights, g), columnMatrix, products, false, false, 1.0, 0.0);
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {g.images(), g.outChannels(), g.outHeight(), g.outWidth()}, 'c');
        float[] bias = layerConf().hasBias()
                ? HostFloats.read(getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaceMgr), null)
                : new float[g.outChannels()];
        columns = HostFloats.read(products, columns);
        pixels = ensure(pixels, (int) z.length());
        int perImage = g.outPixels();
        for (int c = 0; c < g.outChannels(); c++) {
            for (int b = 0; b < g.images(); b++) {
                int from = (c * g.images() + b) * perImage;
                int to = (b * g.outChannels() + c) * perImage;
                for (int p = 0; p < perImage; p++) {
                    pixels[to + p] = columns[from + p] + bias[c];
                }
            }
        }
        HostFloats.write(z, pixels);
        return z;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!onJvm()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        validateInputDepth(weights.size(1));
        Geometry g = geometry(weights);
        INDArray columnMatrix = toColumns(g);
        INDArray z = preActivation(g, weights, columnMatrix, true, workspaceMgr);
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        if (!HostFloats.dense(delta)) {
            delta = delta.dup('c');
        }

        // D[channel][image, pixel] from delta's NCHW, and the bias gradient as its row sums.
        pixels = HostFloats.read(delta, pixels);
        int perImage = g.outPixels();
        int count = g.columnCount();
        columns = ensure(columns, g.outChannels() * count);
        float[] biasGradient = new float[g.outChannels()];
        for (int c = 0; c < g.outChannels(); c++) {
            float sum = 0;
            for (int b = 0; b < g.images(); b++) {
                int from = (b * g.outChannels() + c) * perImage;
                int to = (c * g.images() + b) * perImage;
                for (int p = 0; p < perImage; p++) {
                    float d = pixels[from + p];
                    columns[to + p] = d;
                    sum += d;
                }
            }
            biasGradient[c] = sum;
        }
        INDArray deltaMatrix = Nd4j.createUninitialized(DataType.FLOAT, new long[] {g.outChannels(), count}, 'c');
        HostFloats.write(deltaMatrix, columns);

        Gradient gradient = new DefaultGradient();
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(deltaMatrix, columnMatrix, reshapedView(weightGradient, g.outChannels(), g.patch()), false, true, 1.0, 0.0);
        if (layerConf().hasBias()) {
            INDArray biasView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            HostFloats.write(biasView, biasGradient);
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasView);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');

        INDArray columnGradient = Nd4j.createUninitialized(DataType.FLOAT, new long[] {g.patch(), count}, 'c');
        Nd4j.gemm(weightMatrix(weights, g), deltaMatrix, columnGradient, true, false, 1.0, 0.0);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {g.images(), g.inChannels(), g.inHeight(), g.inWidth()}, 'c');
        columns = HostFloats.read(columnGradient, columns);
        HostFloats.write(inputGradient, fromColumns(g));
        return new Pair<>(gradient, inputGradient);
    }

    private Geometry geometry(INDArray weights) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
        int[] kernel = conf.getKernelSize();
        int[] stride = conf.getStride();
        int[] padding = conf.getPadding();
        int[] out = ConvolutionUtils.getOutputSize(input, kernel, stride, padding, conf.getConvolutionMode(),
                NO_DILATION, CNN2DFormat.NCHW);
        return new Geometry((int) input.size(0), (int) input.size(1), (int) input.size(2), (int) input.size(3),
                (int) weights.size(0), kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], out[0], out[1]);
    }

    /** The input's patches as a dense {@code [patch][image, output pixel]} matrix, zero where they overhang the padding. */
    private INDArray toColumns(Geometry g) {
        INDArray dense = HostFloats.dense(input) ? input : input.dup('c');
        image = HostFloats.read(dense, image);
        columns = ensure(columns, g.patch() * g.columnCount());
        copyPatches(g, true);
        INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, new long[] {g.patch(), g.columnCount()}, 'c');
        HostFloats.write(matrix, columns);
        return matrix;
    }

    /** The NCHW input gradient from the column gradient in {@link #columns}: each entry added back to the pixel it was copied from. */
    private float[] fromColumns(Geometry g) {
        int length = g.images() * g.inChannels() * g.inHeight() * g.inWidth();
        image = ensure(image, length);
        Arrays.fill(image, 0, length, 0f);
        copyPatches(g, false);
        return image;
    }

    /**
     * Walks every (patch row, image, output pixel) entry of {@link #columns} with the input pixel it
     * covers in {@link #image}: gathering copies the pixel in (zero in the padding), otherwise the
     * entry is added to the pixel (padding entries are dropped).
     */
    private void copyPatches(Geometry g, boolean gather) {
        int inPixels = g.inHeight() * g.inWidth();
        int count = g.columnCount();
        int outWidth = g.outWidth();
        int row = 0;
        for (int ci = 0; ci < g.inChannels(); ci++) {
            for (int ky = 0; ky < g.kernelHeight(); ky++) {
                for (int kx = 0; kx < g.kernelWidth(); kx++, row++) {
                    // Output columns ox whose input column x = ox * stride - pad + kx lies inside the image.
                    int shift = kx - g.padX();
                    int first = Math.min(outWidth, Math.max(0, Math.floorDiv(-shift + g.strideX() - 1, g.strideX())));
                    int end = Math.max(first, Math.min(outWidth, Math.floorDiv(g.inWidth() - 1 - shift, g.strideX()) + 1));
                    for (int b = 0; b < g.images(); b++) {
                        int plane = (b * g.inChannels() + ci) * inPixels;
                        for (int oy = 0; oy < g.outHeight(); oy++) {
                            int at = row * count + (b * g.outHeight() + oy) * outWidth;
                            int y = oy * g.strideY() - g.padY() + ky;
                            boolean rowInside = y >= 0 && y < g.inHeight();
                            int pixel = plane + y * g.inWidth() + first * g.strideX() + shift;
                            if (gather) {
                                // Loops, not Arrays.fill or System.arraycopy: the runs are a few pixels long.
                                int from = rowInside ? first : outWidth;
                                int to = rowInside ? end : outWidth;
                                for (int ox = 0; ox < from; ox++) {
                                    columns[at + ox] = 0f;
                                }
                                for (int ox = from; ox < to; ox++, pixel += g.strideX()) {
                                    columns[at + ox] = image[pixel];
                                }
                                for (int ox = to; ox < outWidth; ox++) {
                                    columns[at + ox] = 0f;
                                }
                            } else if (rowInside) {
                                for (int ox = first; ox < end; ox++, pixel += g.strideX()) {
                                    image[pixel] += columns[at + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The weights {@code [out][in][kh][kw]} as the matrix {@code [out][patch]}, sharing their memory. */
    private static INDArray weightMatrix(INDArray weights, Geometry g) {
        return reshapedView(weights, g.outChannels(), g.patch());
    }

    private static INDArray reshapedView(INDArray array, int rows, int cols) {
        INDArray view = Shape.newShapeNoCopy(array, new long[] {rows, cols}, false);
        if (view == null) {
            throw new IllegalStateException("convolution parameters of shape " + Arrays.toString(array.shape())
                    + " are not a dense c-order block");
        }
        return view;
    }

    private static float[] ensure(float[] buffer, int length) {
        return buffer != null && buffer.length >= length ? buffer : new float[length];
    }
}
