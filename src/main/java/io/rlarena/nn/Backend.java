package io.rlarena.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend in use (nd4j-native on CPU; the CUDA backend when its jar replaces it) and
 * its thread count. One thread keeps small-network training bit-for-bit repeatable and, for
 * networks this size, is as fast as more (DESIGN.md performance facts).
 */
public final class Backend {

    private Backend() {
    }

    /** Sets ND4J's math threads (the launcher also sets OMP_NUM_THREADS before the JVM starts). */
    public static void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    /** e.g. "CpuBackend, 1 thread". */
    public static String describe() {
        return Nd4j.getBackend().getClass().getSimpleName() + ", " + Nd4j.getEnvironment().maxThreads() + " thread(s)";
    }
}
