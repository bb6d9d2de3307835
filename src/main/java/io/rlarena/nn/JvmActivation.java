package io.rlarena.nn;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An element-wise activation computed by plain loops on the JVM, in place, for arrays that
 * {@link HostFloats} can read directly; any other array goes to ND4J's own op for it.
 */
abstract class JvmActivation extends BaseActivationFunction {

    /** The activation of one pre-activation value. */
    abstract float value(float z);

    /** Its derivative at {@code z}. */
    abstract float slope(float z);

    /** ND4J's implementation, for arrays the loops cannot read. */
    abstract IActivation nd4j();

    @Override
    public final INDArray getActivation(INDArray in, boolean training) {
        if (!HostFloats.dense(in)) {
            return nd4j().getActivation(in, training);
        }
        float[] z = HostFloats.read(in, 0);
        int n = (int) in.length();
        for (int i = 0; i < n; i++) {
            z[i] = value(z[i]);
        }
        HostFloats.write(in, z);
        return in;
    }

    /** dL/dz = slope(z) dL/da, into {@code in}. */
    @Override
    public final Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        if (!HostFloats.denseAlike(in, epsilon)) {
            return nd4j().backprop(in, epsilon);
        }
        float[] z = HostFloats.read(in, 0);
        float[] g = HostFloats.read(epsilon, 1);
        int n = (int) in.length();
        for (int i = 0; i < n; i++) {
            z[i] = slope(z[i]) * g[i];
        }
        HostFloats.write(in, z);
        return new Pair<>(in, null);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
