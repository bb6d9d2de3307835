package io.rlarena.nn;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** Mean squared error times a coefficient (a value loss weighted against the policy loss). */
public final class ScaledMse extends LossMSE {

    private double coefficient = 1.0;

    /** For DL4J's JSON model configuration. */
    public ScaledMse() {
    }

    public ScaledMse(double coefficient) {
        if (!(coefficient > 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("value loss coefficient must be > 0, got " + coefficient);
        }
        this.coefficient = coefficient;
    }

    public double getCoefficient() {
        return coefficient;
    }

    public void setCoefficient(double coefficient) {
        this.coefficient = coefficient;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        return super.computeScoreArray(labels, preOutput, activation, mask).muli(coefficient);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask,
                               boolean average) {
        return coefficient * super.computeScore(labels, preOutput, activation, mask, average);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        return super.computeGradient(labels, preOutput, activation, mask).muli(coefficient);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average),
                computeGradient(labels, preOutput, activation, mask));
    }

    @Override
    public String name() {
        return coefficient + " * mse";
    }

    @Override
    public String toString() {
        return name();
    }
}
