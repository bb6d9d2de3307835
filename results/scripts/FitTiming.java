import io.rlarena.nn.Backend;
import io.rlarena.nn.HuberLoss;
import io.rlarena.nn.Network;
import io.rlarena.nn.NetworkSpec;
import java.util.List;

/**
 * Per-call cost of networks as DQN uses them (fit on 64 rows, forward on 64 and on 1 row), medians
 * aside: 200 calls each after 50 warm-up calls. Run from the repository root after a build:
 * OMP_NUM_THREADS=1 java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -cp "target/rlarena.jar:target/lib/*" results/scripts/FitTiming.java
 * (A stand-in until the bench command exists.)
 */
public class FitTiming {
    public static void main(String[] args) {
        Backend.useThreads(1);
        var conv = List.of(new NetworkSpec.ConvLayer(16, 3, 1, 1), new NetworkSpec.ConvLayer(16, 3, 1, 1));
        time("mlp 256x256 (147 in)", new NetworkSpec(List.of(), List.of(256, 256), "relu", false), new int[] {147});
        time("cnn plain", new NetworkSpec(conv, List.of(128), "relu", false), new int[] {3, 7, 7});
        time("cnn dueling", new NetworkSpec(conv, List.of(128), "relu", true), new int[] {3, 7, 7});
        time("mlp dueling", new NetworkSpec(List.of(), List.of(256, 256), "relu", true), new int[] {147});
    }

    static void time(String name, NetworkSpec spec, int[] shape) {
        Network net = spec.build(shape, 4, 1e-3, new HuberLoss(), 1);
        float[] x = new float[64 * 147];
        float[] y = new float[64 * 4];
        float[] m = new float[64 * 4];
        java.util.Arrays.fill(m, 1f);
        for (int i = 0; i < 50; i++) { net.fit(x, y, m, 64); net.output(x, 64); net.output(java.util.Arrays.copyOf(x, 147), 1); }
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) net.fit(x, y, m, 64);
        long t1 = System.nanoTime();
        for (int i = 0; i < 200; i++) net.output(x, 64);
        long t2 = System.nanoTime();
        float[] one = java.util.Arrays.copyOf(x, 147); for (int i = 0; i < 200; i++) net.output(one, 1);
        long t3 = System.nanoTime();
        System.out.printf("%-22s fit(64) %.2f ms  output(64) %.2f ms  output(1) %.2f ms%n", name,
                (t1 - t0) / 2e8, (t2 - t1) / 2e8, (t3 - t2) / 2e8);
    }
}
