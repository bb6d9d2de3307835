package io.rlarena.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Float loops on the JVM over an ND4J array's memory, for what ND4J 1.0.0-M1.1 does slowly in
 * native code: the activations of {@link FastTanh} and {@link FastRelu}, the patch copies of
 * {@link FastConvolution}. Only float
 * arrays in host memory that are dense in their own order qualify; for the rest (strided views,
 * doubles, a GPU backend, or {@code -Drlarena.hostLoops=false}) callers use ND4J's own op.
 */
final class HostFloats {

    private static final boolean CPU_BACKEND = "CpuBackend".equals(Nd4j.getBackend().getClass().getSimpleName());
    /** On with the CPU backend unless {@code -Drlarena.hostLoops=false}; never on another backend. */
    private static volatile boolean hostLoops = CPU_BACKEND && !"false".equals(System.getProperty("rlarena.hostLoops"));
    /** Two scratch arrays per thread, grown as needed: no garbage per call. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private HostFloats() {
    }

    /**
     * Whether the JVM loops run: ND4J's arrays live in host memory (the CPU backend), where they
     * can reach them, and they are not turned off.
     */
    static boolean onHost() {
        return hostLoops;
    }

    /**
     * Turns the JVM loops off, so every layer takes ND4J's own ops as on a GPU backend (the path
     * tests check and speed comparisons measure), or back on where the backend allows it.
     */
    static void useHostLoops(boolean on) {
        hostLoops = on && CPU_BACKEND;
    }

    /** Whether {@code array}'s elements can be read and written as one run of host memory. */
    static boolean dense(INDArray array) {
        return hostLoops && array.dataType() == DataType.FLOAT && array.length() <= Integer.MAX_VALUE
                && Shape.hasDefaultStridesForShape(array);
    }

    /** Whether both arrays are {@link #dense} with the same shape and element order. */
    static boolean denseAlike(INDArray a, INDArray b) {
        return dense(a) && dense(b) && a.ordering() == b.ordering() && Arrays.equals(a.shape(), b.shape());
    }

    /** A {@link #dense} array's elements in memory order, in this thread's scratch array {@code slot} (0 or 1). */
    static float[] read(INDArray array, int slot) {
        float[][] scratch = SCRATCH.get();
        scratch[slot] = read(array, scratch[slot]);
        return scratch[slot];
    }

    /** A {@link #dense} array's elements in memory order, in {@code buffer} when it is long enough, else in a new array. */
    static float[] read(INDArray array, float[] buffer) {
        int n = (int) array.length();
        float[] into = buffer != null && buffer.length >= n ? buffer : new float[n];
        array.data().asNioFloat().get((int) array.offset(), into, 0, n);
        return into;
    }

    /** Writes the first {@code array.length()} of {@code values} back into a {@link #dense} array. */
    static void write(INDArray array, float[] values) {
        array.data().asNioFloat().put((int) array.offset(), values, 0, (int) array.length());
    }
}
