import org.deeplearning4j.nn.conf.*;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.*;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Per-call cost of small convolutional stacks on 9x9 maze-sized inputs (3 channels, batch 64),
 * by data format, convolution mode, workspace mode and depth: 100 calls after 30 warm-up calls,
 * two rounds. Run from the repository root after a build:
 * OMP_NUM_THREADS=1 java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -cp "target/rlarena.jar:target/lib/*" results/scripts/ConvTiming.java
 */
public class ConvTiming {
    static void time(String name, int c1, int c2, CNN2DFormat fmt, ConvolutionMode mode, int size, int dense, WorkspaceMode ws) {
        var lb = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).weightInit(WeightInit.RELU)
            .trainingWorkspaceMode(ws).inferenceWorkspaceMode(ws).convolutionMode(mode).list();
        int pad = mode == ConvolutionMode.Same ? 0 : 1;
        lb.layer(new ConvolutionLayer.Builder(3, 3).padding(pad, pad).nOut(c1).activation(Activation.RELU).dataFormat(fmt).build());
        if (c2 > 0) lb.layer(new ConvolutionLayer.Builder(3, 3).padding(pad, pad).nOut(c2).activation(Activation.RELU).dataFormat(fmt).build());
        lb.layer(new DenseLayer.Builder().nOut(dense).activation(Activation.RELU).build());
        lb.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(4).activation(Activation.IDENTITY).build());
        MultiLayerNetwork net = new MultiLayerNetwork(lb.setInputType(fmt == CNN2DFormat.NCHW ? InputType.convolutionalFlat(size, size, 3) : InputType.convolutional(size, size, 3, fmt)).build());
        net.init();
        int n = 64;
        INDArray x = fmt == CNN2DFormat.NCHW ? Nd4j.rand(n, 3 * size * size) : Nd4j.rand(new int[]{n, size, size, 3});
        INDArray y = Nd4j.rand(n, 4);
        for (int i = 0; i < 30; i++) { net.fit(x, y); net.output(x); }
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) net.fit(x, y);
        long t1 = System.nanoTime();
        for (int i = 0; i < 100; i++) net.output(x);
        long t2 = System.nanoTime();
        System.out.printf("%-40s fit(64) %.2f ms  output(64) %.2f ms%n", name, (t1 - t0) / 1e8, (t2 - t1) / 1e8);
    }
    public static void main(String[] a) {
        Nd4j.getEnvironment().setMaxThreads(1);
        for (int rep = 0; rep < 2; rep++) {
        time("9x9 2x16 NCHW trunc pad1 dense128", 16, 16, CNN2DFormat.NCHW, ConvolutionMode.Truncate, 9, 128, WorkspaceMode.ENABLED);
        time("9x9 2x16 NCHW ws NONE", 16, 16, CNN2DFormat.NCHW, ConvolutionMode.Truncate, 9, 128, WorkspaceMode.NONE);
        time("9x9 2x16 NHWC trunc pad1", 16, 16, CNN2DFormat.NHWC, ConvolutionMode.Truncate, 9, 128, WorkspaceMode.ENABLED);
        time("9x9 2x16 NCHW Same", 16, 16, CNN2DFormat.NCHW, ConvolutionMode.Same, 9, 128, WorkspaceMode.ENABLED);
        time("9x9 1x32 NCHW", 32, 0, CNN2DFormat.NCHW, ConvolutionMode.Truncate, 9, 128, WorkspaceMode.ENABLED);
        time("9x9 1x16 NCHW", 16, 0, CNN2DFormat.NCHW, ConvolutionMode.Truncate, 9, 128, WorkspaceMode.ENABLED);
        }
    }
}
