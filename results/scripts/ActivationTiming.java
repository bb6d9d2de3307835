import io.rlarena.nn.FastRelu;
import io.rlarena.nn.FastTanh;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Per-call cost of activations on a 128 x 64 float array (a PPO hidden layer's batch), ND4J's
 * native kernels against rlarena's JVM loops, next to a cheap op and a matrix product of the same
 * size: 15 rounds of 1,000 calls after 3,000 warm-up calls, preallocated arrays. Run from the
 * repository root after a build:
 * OMP_NUM_THREADS=1 java -XX:+UseParallelGC -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -cp "target/rlarena.jar:target/lib/*" results/scripts/ActivationTiming.java
 */
public class ActivationTiming {
    public static void main(String[] args) {
        Nd4j.getEnvironment().setMaxThreads(1);
        INDArray x = Nd4j.randn(DataType.FLOAT, 128, 64).muli(2);
        INDArray z = Nd4j.create(DataType.FLOAT, 128, 64);
        INDArray eps = Nd4j.randn(DataType.FLOAT, 128, 64);
        INDArray eps2 = eps.dup();
        INDArray w = Nd4j.randn(DataType.FLOAT, 64, 64);
        INDArray product = Nd4j.create(DataType.FLOAT, 128, 64);
        IActivation tanh = Activation.TANH.getActivationFunction();
        IActivation relu = Activation.RELU.getActivationFunction();
        IActivation fastTanh = new FastTanh();
        IActivation fastRelu = new FastRelu();
        String[] names = {"nd4j tanh", "nd4j tanh backprop", "nd4j relu", "nd4j relu backprop", "FastTanh",
            "FastTanh backprop", "FastRelu", "FastRelu backprop", "abs (a cheap op)", "mmul 128x64 by 64x64"};
        Runnable[] calls = {
            () -> tanh.getActivation(z.assign(x), true), () -> tanh.backprop(z.assign(x), eps2.assign(eps)),
            () -> relu.getActivation(z.assign(x), true), () -> relu.backprop(z.assign(x), eps2.assign(eps)),
            () -> fastTanh.getActivation(z.assign(x), true), () -> fastTanh.backprop(z.assign(x), eps2.assign(eps)),
            () -> fastRelu.getActivation(z.assign(x), true), () -> fastRelu.backprop(z.assign(x), eps2.assign(eps)),
            () -> Nd4j.exec(new Abs(x, z)), () -> x.mmuli(w, product)};
        int rounds = 15;
        double[][] micros = new double[calls.length][rounds];
        for (Runnable call : calls) {
            for (int i = 0; i < 3000; i++) {
                call.run();
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < calls.length; k++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    calls[k].run();
                }
                micros[k][r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        for (int k = 0; k < calls.length; k++) {
            Arrays.sort(micros[k]);
            System.out.printf("%-24s median %6.1f us per call (including the input copies)%n", names[k], micros[k][rounds / 2]);
        }
    }
}
