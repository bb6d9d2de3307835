import io.rlarena.nn.FastConvolution;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's ConvolutionLayer against rlarena's FastConvolution (JVM patch copies, one ND4J matrix
 * product per pass) on maze- and board-sized images: median of 5 rounds of 100 calls, one thread.
 * Run from the repository root after a build:
 * OMP_NUM_THREADS=1 java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -cp "target/rlarena.jar:target/lib/*" results/scripts/FastConvTiming.java
 */
public class FastConvTiming {
    static MultiLayerNetwork net(boolean fast, int channels, int height, int width, int[] convs) {
        var lb = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).weightInit(WeightInit.RELU).list();
        for (int c : convs) {
            lb.layer(fast ? FastConvolution.of(c, 3, 1, 1, Activation.RELU.getActivationFunction())
                    : new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(c).activation(Activation.RELU).build());
        }
        lb.layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build());
        lb.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(4).activation(Activation.IDENTITY).build());
        MultiLayerNetwork net = new MultiLayerNetwork(lb.setInputType(InputType.convolutionalFlat(height, width, channels)).build());
        net.init();
        return net;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    static void time(String name, int channels, int height, int width, int... convs) {
        for (boolean fast : new boolean[] {false, true}) {
            MultiLayerNetwork net = net(fast, channels, height, width, convs);
            INDArray x = Nd4j.rand(64, channels * height * width);
            INDArray y = Nd4j.rand(64, 4);
            INDArray one = Nd4j.rand(1, channels * height * width);
            for (int i = 0; i < 50; i++) { net.fit(x, y); net.output(x); net.output(one); }
            double[] fit = new double[5], out = new double[5], single = new double[5];
            for (int r = 0; r < 5; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 100; i++) net.fit(x, y);
                long t1 = System.nanoTime();
                for (int i = 0; i < 100; i++) net.output(x);
                long t2 = System.nanoTime();
                for (int i = 0; i < 100; i++) net.output(one);
                long t3 = System.nanoTime();
                fit[r] = (t1 - t0) / 1e8; out[r] = (t2 - t1) / 1e8; single[r] = (t3 - t2) / 1e8;
            }
            System.out.printf("%-34s %-16s fit(64) %6.2f ms  output(64) %6.2f ms  output(1) %5.2f ms%n", name,
                    fast ? "FastConvolution" : "DL4J", median(fit), median(out), median(single));
        }
    }

    public static void main(String[] a) {
        Nd4j.getEnvironment().setMaxThreads(1);
        time("3x9x9, 2 conv 16x3x3, dense 128", 3, 9, 9, 16, 16);
        time("3x9x9, 1 conv 16x3x3, dense 128", 3, 9, 9, 16);
        time("3x15x15, 2 conv 16x3x3, dense 128", 3, 15, 15, 16, 16);
        time("2x6x7, 2 conv 32x3x3, dense 128", 2, 6, 7, 32, 32);
    }
}
